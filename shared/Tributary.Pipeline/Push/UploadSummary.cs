namespace Tributary.Push;

/// <summary>
/// What an upload held, measured while it was read: its rows and columns, how complete each column is, what the
/// mapping rejected (the count, and the first <see cref="UploadProfiler.MaxRejectsShown"/> with their reasons) and the
/// UTC range of the times it carries. The same figures curation then writes to table <c>quality</c>.
/// </summary>
public sealed record UploadSummary(
    int Rows,
    IReadOnlyList<ColumnSummary> Columns,
    int Observations,
    int Rejected,
    IReadOnlyList<RejectedRow> Rejects,
    DateTimeOffset? FirstTimeUtc,
    DateTimeOffset? LastTimeUtc);

/// <param name="Completeness">Rows with a value in the column / rows (1 when there are no rows).</param>
public sealed record ColumnSummary(string Name, int Present, double Completeness);

/// <param name="Locator">Where: <c>line 4:cyclists</c> for CSV, <c>[3].cyclists</c> for JSON.</param>
/// <param name="Value">The text at fault, shortened.</param>
public sealed record RejectedRow(string Locator, string Reason, string? Value);
