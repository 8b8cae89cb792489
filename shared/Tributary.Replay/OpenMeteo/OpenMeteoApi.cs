namespace Tributary.Replay.OpenMeteo;

/// <summary>Which vendor API a request went to; they share a format but differ in rules.</summary>
internal enum OpenMeteoApi
{
    /// <summary><c>/v1/forecast</c>: a window of days around today, or dates.</summary>
    Forecast,

    /// <summary><c>/v1/archive</c>: reanalysis, dates required, recent days not yet available.</summary>
    Archive,
}
