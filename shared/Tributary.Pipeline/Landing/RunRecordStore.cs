using Azure;
using Azure.Data.Tables;
using Tributary.Storage;

namespace Tributary.Landing;

/// <summary>Keeps run records in table <c>runs</c> (PartitionKey = source, RowKey = run id).</summary>
public sealed class RunRecordStore(StorageAccount storage)
{
    private TableClient Table => storage.Table(StorageNames.RunsTable);

    /// <summary>
    /// Saves the record unless the same run already ended the same way. Timing alone does not count as a change,
    /// so a replayed run leaves the table as it was.
    /// </summary>
    public async Task SaveAsync(RunRecord record, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(record.Source, record.RunId, cancellationToken);
        if (existing is not null && existing with { StartedUtc = record.StartedUtc, DurationMs = record.DurationMs, Requests = record.Requests, RateLimitWaitMs = record.RateLimitWaitMs } == record)
        {
            return;
        }
        var entity = new TableEntity(TableKey.Join(record.Source), record.RunId)
        {
            [nameof(RunRecord.Source)] = record.Source,
            [nameof(RunRecord.RunId)] = record.RunId,
            [nameof(RunRecord.RunTimeUtc)] = record.RunTimeUtc,
            [nameof(RunRecord.StartedUtc)] = record.StartedUtc,
            [nameof(RunRecord.DurationMs)] = record.DurationMs,
            [nameof(RunRecord.Pages)] = record.Pages,
            [nameof(RunRecord.Bytes)] = record.Bytes,
            [nameof(RunRecord.Outcome)] = record.Outcome,
            [nameof(RunRecord.Error)] = record.Error,
            [nameof(RunRecord.Requests)] = record.Requests,
            [nameof(RunRecord.RateLimitWaitMs)] = record.RateLimitWaitMs,
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<RunRecord?> GetAsync(string source, string runId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> response = await Table.GetEntityIfExistsAsync<TableEntity>(source, runId, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } e)
        {
            return null;
        }
        return new RunRecord(
            e.GetString(nameof(RunRecord.Source)), e.GetString(nameof(RunRecord.RunId)),
            e.GetDateTimeOffset(nameof(RunRecord.RunTimeUtc)) ?? default, e.GetDateTimeOffset(nameof(RunRecord.StartedUtc)) ?? default,
            e.GetInt64(nameof(RunRecord.DurationMs)) ?? 0, e.GetInt32(nameof(RunRecord.Pages)) ?? 0, e.GetInt64(nameof(RunRecord.Bytes)) ?? 0,
            e.GetString(nameof(RunRecord.Outcome)), e.GetString(nameof(RunRecord.Error)),
            e.GetInt32(nameof(RunRecord.Requests)) ?? 0, e.GetInt64(nameof(RunRecord.RateLimitWaitMs)) ?? 0);
    }
}
