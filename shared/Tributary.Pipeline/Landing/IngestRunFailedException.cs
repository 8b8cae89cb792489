namespace Tributary.Landing;

/// <summary>A run stopped early; the pages fetched before the failure are landed and queued all the same.</summary>
public sealed class IngestRunFailedException(RunRecord record, Exception inner)
    : Exception($"Run {record.RunId} of '{record.Source}' {record.Outcome.ToLowerInvariant()} after {record.Pages} page(s): {inner.Message}", inner)
{
    public RunRecord Record { get; } = record;
}
