using Azure.Data.Tables;
using Tributary.Storage;
using Tributary.Telemetry;

namespace Tributary.Curation;

/// <summary>
/// Idempotent writes to table <c>observations</c>. Each affected partition is read once and a row is written only
/// when it must change: a different value from a newer run replaces it, and the same value from an older run moves
/// its lineage back to the run that reported it first. So replays and re-runs leave rows (and ETags) untouched,
/// an older page never overwrites newer data, and the result does not depend on the order pages are processed in.
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
            // Read back only the metrics being written: a city-day also holds every departure of every other source.
            var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            foreach (var metric in partition.Select(o => o.Metric).Distinct(StringComparer.Ordinal))
            {
                var (from, to) = ObservationKeys.MetricRange(metric);
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition.Key} and RowKey ge {from} and RowKey lt {to}");
                await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    existing[entity.RowKey] = entity;
                }
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
            PipelineTelemetry.RowsWritten.Add(changes.Count, PipelineTelemetry.TableTag(StorageNames.ObservationsTable));
        }
        return new ObservationWriteResult(written, skipped, cityDays.ToList());
    }

    private static bool ShouldReplace(TableEntity current, TableEntity incoming, ObservationLineage lineage)
    {
        var order = lineage.CompareTo(current.GetString("RunId") ?? "", current.GetString("RawSha256") ?? "");
        return SameMeasurement(current, incoming) ? order < 0 : order > 0;
    }

    private static readonly HashSet<string> NotMeasurement = ["odata.etag", "Timestamp", "PartitionKey", "RowKey", "RunId", "RawBlob", "RawSha256"];

    private static bool SameMeasurement(TableEntity a, TableEntity b)
    {
        foreach (var (key, value) in b)
        {
            if (NotMeasurement.Contains(key)) continue;
            // Table Storage does not store null properties, so an absent property reads as null.
            var other = a.TryGetValue(key, out var stored) ? stored : null;
            if (!Equals(Normalise(other), Normalise(value))) return false;
        }
        return true;
    }

    // Table Storage returns DateTimeOffset for DateTime properties, and a whole double may come back as an integer.
    private static object? Normalise(object? value) => value switch
    {
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
        int i => (double)i,
        long l => (double)l,
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
