using Microsoft.Extensions.Options;
using Tributary.Configuration;
using Tributary.Marts;

namespace Tributary.Query;

/// <summary>Answers KPI queries from the mart. Inputs are bounded so no request can scan more than a few partitions.</summary>
public sealed class KpiQueryService(KpiStore kpis, IOptions<TributaryOptions> options)
{
    public CatalogResponse Catalog() => new(KpiCatalog.All, options.Value.EffectiveCities);

    public async Task<KpiSeriesResponse> GetSeriesAsync(KpiQuery query, CancellationToken cancellationToken)
    {
        var kpi = KpiCatalog.Find(query.Metric)
            ?? throw new KpiQueryException("metric", $"Unknown metric '{query.Metric}'. Known metrics: {string.Join(", ", KpiCatalog.All.Select(k => k.Id))}.");
        var known = options.Value.EffectiveCities;
        var cities = query.Cities.Count == 0
            ? known
            : query.Cities.Distinct(StringComparer.Ordinal).Select(id => known.FirstOrDefault(c => c.Id == id)
                ?? throw new KpiQueryException("city", $"Unknown city '{id}'. Known cities: {string.Join(", ", known.Select(c => c.Id))}.")).ToList();
        if (query.To <= query.From)
        {
            throw new KpiQueryException("to", $"'to' ({query.To:O}) must be after 'from' ({query.From:O}).");
        }
        var maxDays = options.Value.MaxQueryDays;
        if (query.To - query.From > TimeSpan.FromDays(maxDays))
        {
            throw new KpiQueryException("to", $"The range from 'from' to 'to' is longer than the limit of {maxDays} days.");
        }

        var from = query.From.UtcDateTime;
        var to = query.To.UtcDateTime;
        var series = new List<KpiSeries>(cities.Count);
        foreach (var city in cities)
        {
            var points = await kpis.GetAsync(kpi.Id, city.Id, from, to, cancellationToken);
            series.Add(new KpiSeries(city.Id, city.Name,
                points.Select(p => new KpiSeriesPoint(p.BucketStartUtc, p.Value, p.Inputs, p.Coverage, p.Reason)).ToList()));
        }
        return new KpiSeriesResponse(kpi.Id, kpi.Unit, query.From.ToUniversalTime(), query.To.ToUniversalTime(), series);
    }
}
