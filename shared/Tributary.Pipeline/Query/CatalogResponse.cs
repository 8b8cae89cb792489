using Tributary.Configuration;

namespace Tributary.Query;

/// <summary>The body of <c>GET /api/catalog</c>: what can be asked of <c>/api/kpis</c>.</summary>
public sealed record CatalogResponse(IReadOnlyList<CatalogMetric> Metrics, IReadOnlyList<City> Cities);
