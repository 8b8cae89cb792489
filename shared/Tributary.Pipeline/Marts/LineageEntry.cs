using System.Text.Json.Serialization;

namespace Tributary.Marts;

/// <summary>One raw page that fed a KPI bucket (an element of <see cref="KpiEntity.Lineage"/>).</summary>
public sealed record LineageEntry(
    [property: JsonPropertyName("blob")] string Blob,
    [property: JsonPropertyName("sha256")] string Sha256);
