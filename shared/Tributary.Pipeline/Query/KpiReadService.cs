using Microsoft.Extensions.Options;
using Tributary.Configuration;
using Tributary.Marts;
using Tributary.Sources.Manifests;
using Tributary.Storage;
using static Tributary.Query.QueryText;

namespace Tributary.Query;

/// <summary>
/// The v1 reads: the catalog, KPI series downsampled for charts, and their statistics. Every request is checked
/// before storage is touched (a known KPI, cities, grain and stop place; a range no longer than
/// <see cref="TributaryOptions.MaxQueryDays"/>), and mart reads go through <see cref="KpiReadCache"/>, one day
/// partition at a time, so no request scans more than that many small partitions per series.
/// </summary>
public sealed class KpiReadService(
    KpiReadCache cache, StopPlaceDirectory stops, KpiExtentStore extents, KpiCatalog catalog, SourceManifests manifests, IOptions<TributaryOptions> options)
{
    // As KpiStore: Azurite serves a few concurrent clients well; a month of partitions still reads in a few round trips.
    private const int ParallelReads = 8;

    public async Task<CatalogV1Response> CatalogAsync(CancellationToken cancellationToken)
    {
        var stopPlaces = stops.GetAsync(cancellationToken);
        var ranges = (await extents.AllAsync(cancellationToken))
            .GroupBy(e => e.Kpi, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new DataRange(g.Min(e => e.EarliestUtc), g.Max(e => e.LatestUtc)), StringComparer.Ordinal);
        var kpis = catalog.All.Select(k => CatalogKpi.From(CatalogMetric.From(k), ranges.GetValueOrDefault(k.Id))).ToList();
        var present = kpis.Where(k => k.Data is not null).Select(k => k.Data!).ToList();
        var places = await stopPlaces;
        return new CatalogV1Response(
            kpis,
            options.Value.EffectiveCities,
            places.All,
            places.Truncated,
            [.. manifests.ByKey.Values.OrderBy(m => m.Id, StringComparer.Ordinal)
                .Select(m => new CatalogSource(m.Id, m.Request.Kind.ToString().ToLowerInvariant(), m.Description, m.Enabled, CatalogUpload.From(m)))],
            present.Count == 0 ? null : new DataRange(present.Min(r => r.From), present.Max(r => r.To)));
    }

    public async Task<SeriesV1Response> SeriesAsync(KpiReadRequest request, int maxPoints, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        var (kpi, read) = await ReadAsync(request, cancellationToken);
        return new SeriesV1Response(kpi.Id, kpi.Unit, request.Grain.Name(), request.From, request.To, request.StopPlace, maxPoints,
            [.. read.Select(s =>
            {
                var down = SeriesDownsampler.Downsample(s.Points, maxPoints);
                return new SeriesV1(s.City.Id, s.City.Name, request.StopPlace, down.Method, down.RawPoints, down.RawNulls, down.Points.Count, down.ReturnedNulls, down.Points);
            })]);
    }

    public async Task<StatsV1Response> StatsAsync(KpiReadRequest request, CancellationToken cancellationToken)
    {
        var (kpi, read) = await ReadAsync(request, cancellationToken);
        var buckets = BucketsIn(request.Grain, request.From, request.To);
        return new StatsV1Response(kpi.Id, kpi.Unit, request.Grain.Name(), request.From, request.To, request.StopPlace,
            SeriesStatistics.PercentileMethod, SeriesStatistics.DeviationMethod,
            [.. read.Select(s => new SeriesStatsV1(s.City.Id, s.City.Name, request.StopPlace, SeriesStatistics.Compute(s.Points, buckets)))],
            SeriesStatistics.Compute([.. read.SelectMany(s => s.Points)], buckets * read.Count));
    }

    /// <summary>How many buckets of the grain start in [from, to).</summary>
    public static int BucketsIn(KpiGrain grain, DateTimeOffset from, DateTimeOffset to)
    {
        var first = grain.BucketOf(from);
        if (first < from) first += grain.Length();
        return first >= to ? 0 : (int)Math.Ceiling((to - first) / grain.Length());
    }

    private async Task<(KpiDefinition Kpi, IReadOnlyList<(City City, IReadOnlyList<KpiSeriesPoint> Points)> Series)> ReadAsync(
        KpiReadRequest request, CancellationToken cancellationToken)
    {
        var (kpi, cities) = await ValidateAsync(request, cancellationToken);
        var area = request.StopPlace ?? KpiKeys.CityArea;
        var from = request.From.ToUniversalTime();
        var to = request.To.ToUniversalTime();
        var days = new List<DateOnly>();
        for (var day = DateOnly.FromDateTime(from.UtcDateTime); day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) < to.UtcDateTime; day = day.AddDays(1)) days.Add(day);

        var reads = cities.SelectMany(c => days.Select(d => (City: c, Day: d))).ToList();
        var results = new IReadOnlyList<KpiSeriesPoint>[reads.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, reads.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await cache.DayAsync(kpi.Id, reads[i].City.Id, reads[i].Day, request.Grain, area, ct));
        return (kpi, [.. cities.Select((c, ci) => (c, (IReadOnlyList<KpiSeriesPoint>)[.. Enumerable.Range(ci * days.Count, days.Count)
            .SelectMany(i => results[i]).Where(p => p.T >= from && p.T < to)]))]);
    }

    private async Task<(KpiDefinition Kpi, IReadOnlyList<City> Cities)> ValidateAsync(KpiReadRequest request, CancellationToken cancellationToken)
    {
        var kpi = catalog.Find(request.Kpi)
            ?? throw new UnknownKpiException($"There is no KPI '{Shorten(request.Kpi)}'. Known KPIs: {string.Join(", ", catalog.All.Select(k => k.Id))}.");
        if (!kpi.Grains.Contains(request.Grain))
        {
            throw new KpiQueryException("grain", $"KPI '{kpi.Id}' has no grain '{request.Grain.Name()}'. Its grains: {string.Join(", ", kpi.Grains.Select(g => g.Name()))}.");
        }
        var known = options.Value.EffectiveCities;
        var cities = request.Cities.Distinct(StringComparer.Ordinal).Select(id => known.FirstOrDefault(c => c.Id == id)
            ?? throw new KpiQueryException("city", $"Unknown city '{Shorten(id)}'. Known cities: {string.Join(", ", known.Select(c => c.Id))}.")).ToList();
        if (request.To <= request.From)
        {
            throw new KpiQueryException("to", $"'to' ({request.To:O}) must be after 'from' ({request.From:O}).");
        }
        var maxDays = options.Value.MaxQueryDays;
        if (request.To - request.From > TimeSpan.FromDays(maxDays))
        {
            throw new KpiQueryException("to", $"The range from 'from' to 'to' is longer than the limit of {maxDays} days (setting Tributary:MaxQueryDays).");
        }
        if (request.StopPlace is not { } stop) return (kpi, cities.Count == 0 ? known : cities);

        if (!kpi.Dimensions.Contains(KpiDimension.StopPlace)) throw new KpiQueryException("stop", $"KPI '{kpi.Id}' is computed per city only, not per stop place.");
        if (!IsKey(stop)) throw new KpiQueryException("stop", $"'{Shorten(stop)}' is not a stop place id (e.g. NSR:StopPlace:58366).");
        var place = (await stops.GetAsync(cancellationToken)).Find(stop)
            ?? throw new KpiQueryException("stop", $"Unknown stop place '{stop}': the catalog lists the known ones.");
        var city = known.FirstOrDefault(c => c.Id == place.City)
            ?? throw new KpiQueryException("stop", $"Stop place '{stop}' lies in no configured city.");
        if (cities.Count > 1 || (cities.Count == 1 && cities[0].Id != city.Id))
        {
            throw new KpiQueryException("city", $"Stop place '{stop}' is in '{city.Id}': name that city, or none.");
        }
        return (kpi, [city]);
    }

    private static bool IsKey(string value)
    {
        try
        {
            TableKey.Validate(value);
            return value.Length is > 0 and <= 128 && !value.Contains('|');
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
