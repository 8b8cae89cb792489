using Tributary.Configuration;

namespace Tributary.Query;

/// <summary>The body of <c>GET /api/v1/catalog</c>: everything the v1 reads can be asked for, and the dates that hold data.</summary>
/// <param name="StopPlacesTruncated">True when the stop dimension held more stop places than are listed.</param>
/// <param name="Data">The UTC range [from, to) holding any KPI row; null when the mart is empty.</param>
public sealed record CatalogV1Response(
    IReadOnlyList<CatalogKpi> Kpis,
    IReadOnlyList<City> Cities,
    IReadOnlyList<StopPlace> StopPlaces,
    bool StopPlacesTruncated,
    IReadOnlyList<CatalogSource> Sources,
    DataRange? Data);

/// <summary>A KPI as <see cref="CatalogMetric"/> describes it, with the dates its rows cover.</summary>
/// <param name="Data">The UTC range [from, to) of its buckets over every city; null when it has no row yet.</param>
public sealed record CatalogKpi(
    string Id, string Name, string Unit, string Description, IReadOnlyList<string> Inputs, IReadOnlyList<string> Grains, IReadOnlyList<string> Dimensions,
    DataRange? Data)
{
    public static CatalogKpi From(CatalogMetric metric, DataRange? data) =>
        new(metric.Id, metric.Name, metric.Unit, metric.Description, metric.Inputs, metric.Grains, metric.Dimensions, data);
}

/// <summary>A UTC range [From, To): the earliest bucket start and the latest bucket end.</summary>
public sealed record DataRange(DateTimeOffset From, DateTimeOffset To);

/// <summary>A source from its manifest.</summary>
/// <param name="Kind">How it is asked: <c>get</c>, <c>post</c>, <c>graphql</c> or <c>download</c>.</param>
/// <param name="Upload">How a push source takes uploads (POST /api/v1/ingest/{id}); null for a pulled source and for one that takes webhooks only.</param>
public sealed record CatalogSource(string Id, string Kind, string? Description, bool Enabled, CatalogUpload? Upload = null);

/// <summary>What an upload to a push source must be: its media types, the CSV header's columns, its size cap and the key's header (never the key).</summary>
public sealed record CatalogUpload(IReadOnlyList<string> MediaTypes, IReadOnlyList<string> Columns, long MaxBytes, string KeyHeader)
{
    public static CatalogUpload? From(Tributary.Sources.Manifests.SourceManifest manifest) =>
        manifest.Kind == Tributary.Sources.Manifests.SourceKind.Push && manifest.Push is { MediaTypes.Count: > 0 } push
            ? new CatalogUpload(push.MediaTypes, push.Columns, push.MaxUploadBytes, push.KeyHeader)
            : null;
}
