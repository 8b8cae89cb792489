using Tributary.Configuration;
using Tributary.Marts;

namespace Tributary.Query;

/// <summary>The body of <c>GET /api/catalog</c>: what can be asked of <c>/api/kpis</c>.</summary>
public sealed record CatalogResponse(IReadOnlyList<KpiDefinition> Metrics, IReadOnlyList<City> Cities);
