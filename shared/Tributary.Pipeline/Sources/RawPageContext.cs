namespace Tributary.Sources;

/// <summary>What a mapper knows about the page besides its bytes.</summary>
/// <param name="ItemId">The fan-out item the page was requested for (a stop place id, a sensor id), if any.</param>
public sealed record RawPageContext(string Source, string BlobName, string? CityId, string? ItemId = null);
