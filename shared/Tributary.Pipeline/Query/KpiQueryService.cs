using Microsoft.Extensions.Options;
using Tributary.Configuration;
using Tributary.Marts;
using Tributary.Storage;

namespace Tributary.Query;

/// <summary>Answers KPI queries from the mart. Inputs are bounded so no request can scan more than a few partitions.</summary>
public sealed class KpiQueryService(KpiStore kpis, KpiCatalog catalog, IOptions<TributaryOptions> options)
{
    public CatalogResponse Catalog() => new([.. catalog.All.Select(CatalogMetric.From)], options.Value.EffectiveCities);

    public async Task<KpiSeriesResponse> GetSeriesAsync(KpiQuery query, CancellationToken cancellationToken)
    {
        var kpi = catalog.Find(query.Metric)
            ?? throw new KpiQueryException("metric", $"Unknown metric '{query.Metric}'. Known metrics: {string.Join(", ", catalog.All.Select(k => k.Id))}.");
        if (!kpi.Grains.Contains(query.Grain))
        {
            throw new KpiQueryException("grain", $"Metric '{kpi.Id}' has no grain '{query.Grain.Name()}'. Its grains: {string.Join(", ", kpi.Grains.Select(g => g.Name()))}.");
        }
        var known = options.Value.EffectiveCities;
        var cities = query.Cities.Count == 0
            ? known
            : query.Cities.Distinct(StringComparer.Ordinal).Select(id => known.FirstOrDefault(c => c.Id == id)
                ?? throw new KpiQueryException("city", $"Unknown city '{id}'. Known cities: {string.Join(", ", known.Select(c => c.Id))}.")).ToList();
        if (query.StopPlace is { } stop)
        {
            if (!kpi.Dimensions.Contains(KpiDimension.StopPlace)) throw new KpiQueryException("stop", $"Metric '{kpi.Id}' is computed per city only, not per stop place.");
            if (cities.Count != 1) throw new KpiQueryException("city", "With 'stop', name exactly the one city the stop place is in.");
            if (!IsKey(stop)) throw new KpiQueryException("stop", $"'{stop}' is not a stop place id (e.g. NSR:StopPlace:58366).");
        }
        if (query.To <= query.From)
        {
            throw new KpiQueryException("to", $"'to' ({query.To:O}) must be after 'from' ({query.From:O}).");
        }
        var maxDays = options.Value.MaxQueryDays;
        if (query.To - query.From > TimeSpan.FromDays(maxDays))
        {
            throw new KpiQueryException("to", $"The range from 'from' to 'to' is longer than the limit of {maxDays} days.");
        }

        var area = query.StopPlace ?? KpiKeys.CityArea;
        var series = new List<KpiSeries>(cities.Count);
        foreach (var city in cities)
        {
            var rows = await kpis.GetSeriesAsync(kpi.Id, city.Id, query.Grain, area, query.From.ToUniversalTime(), query.To.ToUniversalTime(), cancellationToken);
            series.Add(new KpiSeries(city.Id, city.Name,
                [.. rows.Select(r => new KpiSeriesPoint(r.BucketStartUtc, r.Value, r.Inputs, r.Coverage, r.Reason) { Used = r.Used })]));
        }
        return new KpiSeriesResponse(kpi.Id, kpi.Unit, query.From.ToUniversalTime(), query.To.ToUniversalTime(), series)
        {
            Grain = query.Grain.Name(),
            StopPlace = query.StopPlace,
        };
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
