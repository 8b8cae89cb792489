namespace Tributary.Views;

/// <summary>A view as a client asks to save it: validated by <see cref="ViewDraftReader"/>, without id and creation time.</summary>
public sealed record ViewDraft(
    string Name,
    IReadOnlyList<string> Kpis,
    IReadOnlyList<string> Cities,
    string? Stop,
    string Grain,
    ViewRange Range,
    IReadOnlyDictionary<string, string> Options);
