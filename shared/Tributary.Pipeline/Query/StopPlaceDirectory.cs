using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Tributary.Curation;
using Tributary.Storage;

namespace Tributary.Query;

/// <summary>
/// The stop places of the <c>stop</c> dimension (table <c>dimensions</c>, partition <c>stop</c>): every row that is a
/// station (<c>locationType</c> 1) and every <c>parentStation</c> a quay names, which is what the aggregate stage
/// resolves quays to (<see cref="DimensionStore.StopPlacesAsync"/>). Reading them is one partition query with a
/// <c>$select</c> of the few columns needed, bounded by <see cref="KpiReadOptions.MaxStopRows"/> rows and
/// <see cref="KpiReadOptions.MaxStopPlaces"/> results, and kept in memory for
/// <see cref="KpiReadOptions.StopPlacesTtlSeconds"/> (the timetable that fills it changes at most daily); concurrent
/// callers share one read.
/// </summary>
public sealed class StopPlaceDirectory(StorageAccount storage, TimeProvider time, IOptions<KpiReadOptions> options)
{
    private static readonly string[] Columns = ["RowKey", "name", "latitude", "longitude", "locationType", "parentStation", "city"];

    private readonly Lock _gate = new();
    private (Task<StopPlaces> Read, DateTimeOffset ExpiresUtc)? _current;

    public Task<StopPlaces> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            // A failed read is not kept: the next caller tries again.
            if (_current is { } c && c.ExpiresUtc > now && !c.Read.IsFaulted && !c.Read.IsCanceled) return c.Read;
            var read = ReadAsync(CancellationToken.None);
            _current = (read, now.AddSeconds(options.Value.StopPlacesTtlSeconds));
            return read.WaitAsync(cancellationToken);
        }
    }

    private async Task<StopPlaces> ReadAsync(CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var table = storage.Table(StorageNames.DimensionsTable);
        var stations = new Dictionary<string, StopPlace>(StringComparer.Ordinal);
        var quays = new Dictionary<string, List<(string City, double? Lat, double? Lon)>>(StringComparer.Ordinal);
        var rowsRead = 0;
        var truncated = false;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {DimensionStore.StopKind}"),
                           maxPerPage: 1000, select: Columns, cancellationToken: cancellationToken))
        {
            if (++rowsRead > limits.MaxStopRows)
            {
                truncated = true;
                break;
            }
            var city = row.GetString("city") ?? "";
            var (lat, lon) = (Number(row.GetString("latitude")), Number(row.GetString("longitude")));
            if (row.GetString("parentStation") is { Length: > 0 } parent)
            {
                if (!quays.TryGetValue(parent, out var list)) quays[parent] = list = [];
                list.Add((city, lat, lon));
            }
            else if (row.GetString("locationType") == "1")
            {
                stations[row.RowKey] = new StopPlace(row.RowKey, row.GetString("name"), city, lat, lon);
            }
        }
        // A parent station that has no row of its own is still a stop place: placed at its quays' mean.
        foreach (var (id, members) in quays.Where(q => !stations.ContainsKey(q.Key)))
        {
            var located = members.Where(m => m.Lat is not null && m.Lon is not null).ToList();
            stations[id] = new StopPlace(id, null, members[0].City,
                located.Count == 0 ? null : located.Average(m => m.Lat!.Value), located.Count == 0 ? null : located.Average(m => m.Lon!.Value));
        }
        var ordered = stations.Values.OrderBy(s => s.City, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        truncated |= ordered.Count > limits.MaxStopPlaces;
        return new StopPlaces([.. ordered.Take(limits.MaxStopPlaces)], truncated);
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <param name="Truncated">True when the dimension held more than the bounds let through.</param>
public sealed record StopPlaces(IReadOnlyList<StopPlace> All, bool Truncated)
{
    private readonly Dictionary<string, StopPlace> _byId = All.ToDictionary(s => s.Id, StringComparer.Ordinal);

    public StopPlace? Find(string id) => _byId.GetValueOrDefault(id);
}
