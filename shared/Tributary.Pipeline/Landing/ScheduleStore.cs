using Azure;
using Azure.Data.Tables;
using Tributary.Storage;

namespace Tributary.Landing;

/// <summary>
/// The last schedule occurrence the scheduler started per source (table <c>schedules</c>, PartitionKey
/// <c>schedule</c>, RowKey the source id). Claims are conditional writes, so two scheduler instances never start
/// one occurrence twice.
/// </summary>
public sealed class ScheduleStore(StorageAccount storage)
{
    private const string Partition = "schedule";

    private TableClient Table => storage.Table(StorageNames.SchedulesTable);

    public async Task<(DateTimeOffset? Last, ETag ETag)> GetAsync(string sourceId, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<ScheduleEntity>(Partition, sourceId, cancellationToken: cancellationToken);
        return found.HasValue ? (found.Value!.LastOccurrenceUtc, found.Value.ETag) : (null, default);
    }

    /// <summary>Records <paramref name="occurrence"/> as started; false when another instance claimed the source first.</summary>
    public async Task<bool> TryClaimAsync(string sourceId, DateTimeOffset occurrence, ETag seen, CancellationToken cancellationToken)
    {
        var entity = new ScheduleEntity { PartitionKey = Partition, RowKey = sourceId, LastOccurrenceUtc = occurrence };
        try
        {
            if (seen == default) await Table.AddEntityAsync(entity, cancellationToken);
            else await Table.UpdateEntityAsync(entity, seen, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public sealed class ScheduleEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = "";

        public string RowKey { get; set; } = "";

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public DateTimeOffset LastOccurrenceUtc { get; set; }
    }
}
