namespace Tributary.Query.Status;

/// <summary>
/// One page of a source's runs, newest first (by run time). <see cref="Continuation"/> is the opaque token of the
/// next page (pass it as <c>continuation</c>), null after the last page.
/// </summary>
public sealed record RunHistoryPage(string Source, int Limit, IReadOnlyList<RunSummary> Runs, string? Continuation);
