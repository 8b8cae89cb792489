namespace Tributary.Sources;

/// <summary>One page of a vendor response as fetched, before any parsing.</summary>
/// <param name="PageKey">Stable name of the page within a run (becomes the blob's file name), e.g. <c>oslo</c>.</param>
/// <param name="CityId">The location the page was requested for, when the request was per location.</param>
public sealed record RawPage(string PageKey, string? CityId, byte[] Content, string ContentType);
