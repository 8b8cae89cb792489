using System.Globalization;

namespace Tributary.Sources;

/// <summary>What a mapper knows about the page besides its bytes.</summary>
/// <param name="ItemId">The fan-out item the page was requested for (a stop place id, a sensor id), if any.</param>
/// <param name="RunId">The run that landed the page (<c>20261122T1005Z</c>, or <c>{start}.backfill</c>), if known.</param>
/// <param name="ItemAttributes">The fan-out item's attributes from the manifest (e.g. a sensor's coordinates), if any.</param>
public sealed record RawPageContext(string Source, string BlobName, string? CityId, string? ItemId = null, string? RunId = null,
    IReadOnlyDictionary<string, string>? ItemAttributes = null)
{
    /// <summary>The page's city among the configured ones.</summary>
    /// <param name="fix">What to set when it is missing, e.g. "give the sensor item a 'City'".</param>
    /// <exception cref="MalformedPayloadException">The page names no configured city.</exception>
    public Configuration.City KnownCity(IReadOnlyDictionary<string, Configuration.City> cities, string fix) =>
        CityId is not null && cities.TryGetValue(CityId, out var city)
            ? city
            : throw new MalformedPayloadException($"Page '{BlobName}' names no known city ('{CityId}'); {fix}.");

    /// <summary>A numeric item attribute (invariant culture), or null when absent or not a number.</summary>
    public double? NumberAttribute(string name) =>
        ItemAttributes is not null && ItemAttributes.TryGetValue(name, out var text) &&
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>
    /// The run's time read back from <see cref="RunId"/> (a backfill chunk's window start), for mappers whose payload
    /// spans more than they should keep (a timetable covering a year); null when the id does not carry one.
    /// </summary>
    public DateTimeOffset? RunTime =>
        RunId is { Length: >= 14 } id && DateTime.TryParseExact(id[..14], "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? new DateTimeOffset(time, TimeSpan.Zero)
            : null;
}
