using Azure;
using System.Text.Json;
using Azure.Data.Tables;
using Tributary.Storage;
using Tributary.Telemetry;

namespace Tributary.Marts;

/// <summary>Reads and writes the mart (table <c>kpis</c>); writes only rows whose content changes.</summary>
public sealed class KpiStore(StorageAccount storage)
{
    private const int MaxBatch = 100;

    private TableClient Table => storage.Table(StorageNames.KpisTable);

    public async Task<int> ReplaceDayAsync(string kpi, string cityId, DateOnly dayUtc, IReadOnlyList<KpiPoint> points, CancellationToken cancellationToken)
    {
        var dayStart = dayUtc.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var partition = KpiKeys.Partition(kpi, cityId, dayStart);
        var existing = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync(partition, dayStart, dayStart.AddDays(1), cancellationToken))
        {
            existing[row.RowKey] = row;
        }

        var changes = new List<TableTransactionAction>();
        foreach (var point in points)
        {
            var entity = ToEntity(partition, kpi, cityId, point);
            if (existing.TryGetValue(entity.RowKey, out var current) && SameContent(current, entity))
            {
                continue;
            }
            changes.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        }
        foreach (var chunk in changes.Chunk(MaxBatch))
        {
            await Table.SubmitTransactionAsync(chunk, cancellationToken);
        }
        PipelineTelemetry.RowsWritten.Add(changes.Count, PipelineTelemetry.TableTag(StorageNames.KpisTable));
        return changes.Count;
    }

    public async Task<IReadOnlyList<KpiPoint>> GetAsync(string kpi, string cityId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var points = new List<KpiPoint>();
        foreach (var month in KpiKeys.Months(fromUtc, toUtc))
        {
            await foreach (var row in QueryAsync(KpiKeys.Partition(kpi, cityId, month), fromUtc, toUtc, cancellationToken))
            {
                points.Add(ToPoint(row));
            }
        }
        return points;
    }

    private AsyncPageable<TableEntity> QueryAsync(string partition, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var from = KpiKeys.Row(fromUtc);
        var to = KpiKeys.Row(toUtc);
        return Table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}"),
            cancellationToken: cancellationToken);
    }

    private static TableEntity ToEntity(string partition, string kpi, string cityId, KpiPoint point) =>
        new(partition, KpiKeys.Row(point.BucketStartUtc.UtcDateTime))
        {
            ["Kpi"] = kpi,
            ["City"] = cityId,
            ["BucketStartUtc"] = point.BucketStartUtc,
            ["Value"] = point.Value,
            ["Inputs"] = point.Inputs,
            ["Coverage"] = point.Coverage,
            ["Reason"] = point.Reason,
            ["Lineage"] = JsonSerializer.Serialize(point.Lineage),
        };

    private static KpiPoint ToPoint(TableEntity row) => new(
        row.GetDateTimeOffset("BucketStartUtc") ?? default,
        row.GetDouble("Value"),
        row.GetInt32("Inputs") ?? 0,
        row.GetDouble("Coverage") ?? 0,
        row.GetString("Reason"),
        JsonSerializer.Deserialize<string[]>(row.GetString("Lineage") ?? "[]") ?? []);

    private static bool SameContent(TableEntity current, TableEntity incoming) => ToPoint(current) is var a && ToPoint(incoming) is var b &&
        a.BucketStartUtc == b.BucketStartUtc && a.Value == b.Value && a.Inputs == b.Inputs && a.Coverage == b.Coverage &&
        a.Reason == b.Reason && a.Lineage.SequenceEqual(b.Lineage);
}
