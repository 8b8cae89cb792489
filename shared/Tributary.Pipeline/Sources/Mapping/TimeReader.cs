using System.Globalization;
using System.Text.Json;
using Tributary.Sources.Manifests;

namespace Tributary.Sources.Mapping;

/// <summary>
/// Reads a record's time as its manifest declares it and returns the UTC instant, or the reason it cannot. Never
/// uses the machine's zone: naive times mean UTC, the page's offset, or the declared IANA zone, as the manifest says.
/// </summary>
internal sealed class TimeReader
{
    private static readonly string[] NaiveIsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd",
    ];

    private readonly TimeSpec _spec;
    private readonly TimeZoneInfo? _zone;
    private readonly string[] _formats;
    private readonly string _expected;

    public TimeReader(TimeSpec spec)
    {
        _spec = spec;
        _zone = spec.Convention == TimeConvention.Local ? TimeZoneInfo.FindSystemTimeZoneById(spec.Zone!) : null;
        _formats = spec.Format is { } format ? [format] : NaiveIsoFormats;
        // Shown to people in reject reasons: the pattern as they read it, without .NET's literal quotes.
        _expected = spec.Format is { } f ? $"time is not '{f.Replace("'", "", StringComparison.Ordinal)}'" : spec.Convention switch
        {
            TimeConvention.Offset => "time is not an ISO 8601 time with an offset",
            TimeConvention.UnixSeconds => "time is not a number of seconds since 1970-01-01",
            _ => "time is not an ISO 8601 time",
        };
    }

    /// <summary>The page-wide offset for <see cref="TimeConvention.OffsetField"/>.</summary>
    /// <exception cref="MalformedPayloadException">The page has no such number.</exception>
    public TimeSpan PageOffset(JsonElement root, RawPageContext context)
    {
        if (_spec.Convention != TimeConvention.OffsetField) return TimeSpan.Zero;
        return Paging.JsonPath.Find(root, _spec.OffsetField!) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new MalformedPayloadException($"Page '{context.BlobName}' has no whole number '{_spec.OffsetField}' (the offset of its times).");
    }

    public DateTimeOffset? Read(JsonElement value, TimeSpan pageOffset, out string? reason)
    {
        reason = null;
        if (_spec.Convention == TimeConvention.UnixSeconds)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) && seconds is > 0 and < 253402300800)
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
            reason = _expected;
            return null;
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (text is null)
        {
            reason = _expected;
            return null;
        }
        if (_spec.Convention == TimeConvention.Offset)
        {
            var instant = _spec.Format is { } format
                ? DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) ? exact : (DateTimeOffset?)null
                : JsonPayload.Instant(text);
            if (instant is null) reason = _expected;
            return instant?.ToUniversalTime();
        }
        if (_spec.Convention == TimeConvention.Utc && _spec.Format is null && JsonPayload.Instant(text) is { } withOffset)
        {
            return withOffset; // ISO text with Z (or +00:00) is as UTC as naive text declared UTC.
        }
        if (!DateTime.TryParseExact(text, _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var naive))
        {
            reason = _expected;
            return null;
        }
        naive = DateTime.SpecifyKind(naive, DateTimeKind.Unspecified);
        switch (_spec.Convention)
        {
            case TimeConvention.Utc:
                return new DateTimeOffset(naive, TimeSpan.Zero);
            case TimeConvention.OffsetField:
                return new DateTimeOffset(naive, pageOffset).ToUniversalTime();
            default:
                if (_zone!.IsInvalidTime(naive))
                {
                    reason = $"time {text} does not exist in {_zone.Id} (skipped by a daylight-saving change)";
                    return null;
                }
                if (_zone.IsAmbiguousTime(naive))
                {
                    reason = $"time {text} happens twice in {_zone.Id} (a daylight-saving change) and the payload does not say which";
                    return null;
                }
                return new DateTimeOffset(naive, _zone.GetUtcOffset(naive)).ToUniversalTime();
        }
    }
}
