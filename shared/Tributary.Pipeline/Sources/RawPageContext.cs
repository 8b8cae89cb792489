namespace Tributary.Sources;

/// <summary>What a mapper knows about the page besides its bytes.</summary>
public sealed record RawPageContext(string Source, string BlobName, string? CityId);
