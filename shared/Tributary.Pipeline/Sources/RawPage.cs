namespace Tributary.Sources;

/// <summary>One page of a vendor response as fetched, before any parsing.</summary>
/// <param name="PageKey">Stable name of the page within a run (becomes the blob's file name), e.g. <c>oslo</c> or <c>NSR-StopPlace-58366-p2</c>.</param>
/// <param name="CityId">The city the page was requested for, when the request was per location.</param>
/// <param name="ContentType">The media type; it decides the blob's extension (<c>.json</c>, <c>.zip</c>, <c>.csv</c>).</param>
/// <param name="ItemId">The fan-out item the page was requested for (a stop place id, a sensor id), if any.</param>
public sealed record RawPage(string PageKey, string? CityId, byte[] Content, string ContentType, string? ItemId = null);
