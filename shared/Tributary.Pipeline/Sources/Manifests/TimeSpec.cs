namespace Tributary.Sources.Manifests;

/// <summary>How a payload writes its times; every convention ends as a UTC instant.</summary>
public enum TimeConvention
{
    /// <summary>The text is UTC: with <c>Z</c>, or naive and meaning UTC.</summary>
    Utc,

    /// <summary>The text carries its own offset (<c>2026-03-29T02:30:00+02:00</c>); a time without one is rejected.</summary>
    Offset,

    /// <summary>Naive text whose offset from UTC, in seconds, is a field of the page (<see cref="TimeSpec.OffsetField"/>).</summary>
    OffsetField,

    /// <summary>Naive local time in the IANA zone <see cref="TimeSpec.Zone"/>; a time in a DST gap or overlap is rejected.</summary>
    Local,

    /// <summary>Seconds since the Unix epoch (a number).</summary>
    UnixSeconds,
}

/// <summary>Where a record's time is and what it means.</summary>
public sealed class TimeSpec
{
    /// <summary>Dotted path inside a record (for <see cref="RecordLayout.Columns"/>, the time column).</summary>
    public string Field { get; set; } = "";

    public TimeConvention Convention { get; set; } = TimeConvention.Utc;

    /// <summary>An exact .NET format for the text (<c>yyyy-MM-dd'T'HH:mm</c>); without one, ISO 8601 is read.</summary>
    public string? Format { get; set; }

    /// <summary>For <see cref="TimeConvention.OffsetField"/>: dotted path from the page root, e.g. <c>utc_offset_seconds</c>.</summary>
    public string? OffsetField { get; set; }

    /// <summary>For <see cref="TimeConvention.Local"/>: an IANA zone id such as <c>Europe/Oslo</c>.</summary>
    public string? Zone { get; set; }
}
