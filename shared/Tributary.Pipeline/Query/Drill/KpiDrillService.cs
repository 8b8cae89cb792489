using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Configuration;
using Tributary.Marts;

namespace Tributary.Query.Drill;

/// <summary>
/// Drills from one KPI bucket to the observations that fed it. The row is a point read; its inputs are the KPI's
/// input metrics of the city-day, read and selected exactly as the aggregate stage does (<see cref="KpiInputReader"/>
/// and <see cref="KpiRows.InputsOf"/>): a few RowKey ranges of one partition, never a scan.
/// </summary>
public sealed class KpiDrillService(KpiCatalog catalog, KpiStore kpis, KpiInputReader inputs, IOptions<TributaryOptions> options)
{
    /// <summary>The most observations one answer lists; a bucket with more says it was truncated.</summary>
    public const int MaxObservations = 2000;

    public async Task<KpiDrillResponse> DrillAsync(KpiDrillRequest request, CancellationToken cancellationToken)
    {
        var kpi = catalog.Find(request.Kpi)
            ?? throw new QueryNotFoundException("kpi", $"Unknown KPI '{QueryText.Shorten(request.Kpi)}'. Known KPIs: {string.Join(", ", catalog.All.Select(k => k.Id))}.");
        if (!kpi.Grains.Contains(request.Grain))
        {
            throw new KpiQueryException("grain", $"KPI '{kpi.Id}' has no grain '{request.Grain.Name()}'. Its grains: {string.Join(", ", kpi.Grains.Select(g => g.Name()))}.");
        }
        var known = options.Value.EffectiveCities;
        if (request.City is not { } cityId) throw new KpiQueryException("city", $"'city' is required: one of {string.Join(", ", known.Select(c => c.Id))}.");
        var city = known.FirstOrDefault(c => c.Id == cityId)
            ?? throw new QueryNotFoundException("city", $"Unknown city '{QueryText.Shorten(cityId)}'. Known cities: {string.Join(", ", known.Select(c => c.Id))}.");
        if (request.StopPlace is { } stop)
        {
            if (!kpi.Dimensions.Contains(KpiDimension.StopPlace)) throw new KpiQueryException("stop", $"KPI '{kpi.Id}' is computed per city only, not per stop place.");
            if (!QueryText.IsKey(stop)) throw new KpiQueryException("stop", $"'{QueryText.Shorten(stop)}' is not a stop place id (e.g. NSR:StopPlace:58366).");
        }
        var bucket = request.BucketStartUtc.ToUniversalTime();
        if (request.Grain.BucketOf(bucket) != bucket)
        {
            throw new KpiQueryException("bucketStart",
                $"'bucketStart' {bucket:O} is not the start of a UTC {request.Grain.Name()} bucket; the bucket holding it starts at {request.Grain.BucketOf(bucket):O}.");
        }
        if (request.Limit is < 1 or > MaxObservations) throw new KpiQueryException("limit", $"'limit' must be from 1 to {MaxObservations}.");

        var area = request.StopPlace ?? KpiKeys.CityArea;
        var row = await kpis.GetAsync(kpi.Id, city.Id, request.Grain, area, bucket, cancellationToken)
            ?? throw new QueryNotFoundException("bucketStart",
                $"KPI '{kpi.Id}' has no {request.Grain.Name()} bucket starting {bucket:O} for {(request.StopPlace is null ? $"city '{city.Id}'" : $"stop place '{request.StopPlace}' in '{city.Id}'")}.");

        var day = DateOnly.FromDateTime(bucket.UtcDateTime);
        var read = await inputs.ReadAsync(city.Id, day, kpi.Inputs, cancellationToken);
        // The selection works on what the formula sees; each selected input leads back to its stored row by reference.
        var stored = read.ToDictionary<KpiInputReader.Row, InputObservation, KpiInputReader.Row>(r => r.Input, r => r, ReferenceEqualityComparer.Instance);
        var selected = KpiRows.InputsOf(kpi, day, request.Grain, bucket, request.StopPlace, KpiInputReader.ByMetric(kpi.Inputs, read));
        var observations = selected.Take(request.Limit).Select(i => DrilledObservation.From(stored[i.Observation].Stored, i.Observation.StopPlace)).ToList();

        return new KpiDrillResponse(
            kpi.Id, kpi.Name, row.Unit, city.Id, request.StopPlace, request.Grain.Name(), bucket, bucket + request.Grain.Length(),
            row.Value, row.Reason, row.Inputs, row.Used, row.Coverage,
            JsonSerializer.Deserialize<Dictionary<string, int>>(row.InputCounts) ?? [],
            JsonSerializer.Deserialize<List<LineageEntry>>(row.Lineage) ?? [],
            row.LineageBlobs, selected.Count, request.Limit, selected.Count > observations.Count, observations);
    }
}
