using Azure.Data.Tables;
using Tributary.Storage;

namespace Tributary.Curation;

/// <summary>
/// Idempotent writes to table <c>observations</c>. Each affected partition is read once and only rows whose
/// content would change are written, so replays leave rows (and their ETags) untouched, and a page from an older
/// run never overwrites what a newer run stored.
/// </summary>
public sealed class ObservationStore(StorageAccount storage)
{
    private const int MaxBatch = 100; // Table Storage's limit per entity group transaction.

    private TableClient Table => storage.Table(StorageNames.ObservationsTable);

    /// <returns>The city-days that hold the given observations.</returns>
    public async Task<ObservationWriteResult> UpsertAsync(IReadOnlyList<Observation> observations, ObservationLineage lineage, CancellationToken cancellationToken)
    {
        var written = 0;
        var skipped = 0;
        var cityDays = new SortedSet<(string City, DateOnly Day)>();
        foreach (var partition in observations.GroupBy(ObservationKeys.Partition))
        {
            var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key}"), cancellationToken: cancellationToken))
            {
                existing[entity.RowKey] = entity;
            }

            var changes = new List<TableTransactionAction>();
            foreach (var observation in partition)
            {
                cityDays.Add((observation.CityId, DateOnly.FromDateTime(observation.TimestampUtc.UtcDateTime)));
                var entity = ToEntity(partition.Key, observation, lineage);
                if (existing.TryGetValue(entity.RowKey, out var current) && !ShouldReplace(current, entity, lineage))
                {
                    skipped++;
                    continue;
                }
                changes.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            }
            foreach (var chunk in changes.Chunk(MaxBatch))
            {
                await Table.SubmitTransactionAsync(chunk, cancellationToken);
            }
            written += changes.Count;
        }
        return new ObservationWriteResult(written, skipped, cityDays.ToList());
    }

    private static bool ShouldReplace(TableEntity current, TableEntity incoming, ObservationLineage lineage)
    {
        var order = lineage.CompareTo(current.GetString("RunId") ?? "", current.GetString("RawSha256") ?? "");
        return order > 0 || (order == 0 && !SameContent(current, incoming));
    }

    private static bool SameContent(TableEntity a, TableEntity b)
    {
        foreach (var (key, value) in b)
        {
            if (key is "odata.etag" or "Timestamp" or "PartitionKey" or "RowKey") continue;
            if (!a.TryGetValue(key, out var other) || !Equals(Normalise(other), Normalise(value))) return false;
        }
        return true;
    }

    // Table Storage returns DateTimeOffset for DateTime properties and may widen ints; compare like with like.
    private static object? Normalise(object? value) => value switch
    {
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        int i => (long)i,
        _ => value,
    };

    internal static TableEntity ToEntity(string partitionKey, Observation o, ObservationLineage lineage) => new(partitionKey, ObservationKeys.Row(o))
    {
        ["Source"] = o.Source,
        ["Metric"] = o.Metric,
        ["LocationId"] = o.LocationId,
        ["City"] = o.CityId,
        ["Latitude"] = o.Latitude,
        ["Longitude"] = o.Longitude,
        ["TimestampUtc"] = o.TimestampUtc,
        ["PeriodSeconds"] = o.PeriodSeconds,
        ["Value"] = o.Value,
        ["Unit"] = o.Unit,
        ["Flags"] = (int)o.Flags,
        ["SourceRecordKey"] = o.SourceRecordKey,
        ["RunId"] = lineage.RunId,
        ["RawBlob"] = lineage.RawBlob,
        ["RawSha256"] = lineage.RawSha256,
    };

    /// <summary>Reads one metric of one city-day, in time order.</summary>
    public async Task<IReadOnlyList<TableEntity>> GetMetricAsync(string cityId, DateOnly dayUtc, string metric, CancellationToken cancellationToken)
    {
        var (from, to) = ObservationKeys.MetricRange(metric);
        var partition = ObservationKeys.Partition(cityId, dayUtc);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        var rows = new List<TableEntity>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(entity);
        }
        return rows;
    }
}
