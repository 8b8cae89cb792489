namespace Tributary.Views;

/// <summary>One page of saved views in id order; <see cref="Continuation"/> asks for the next, null on the last page.</summary>
public sealed record ViewPage(IReadOnlyList<SavedView> Views, string? Continuation);
