namespace Tributary.Replay.OpenMeteo;

/// <summary>The <c>timeformat</c> parameter.</summary>
internal enum TimeFormat
{
    /// <summary><c>"2025-01-14T00:00"</c>: local wall time of the response zone, no seconds, no offset.</summary>
    Iso8601,

    /// <summary>Seconds since the Unix epoch (always true UTC instants).</summary>
    UnixTime,
}
