namespace Tributary.Replay.OpenMeteo;

/// <summary>Everything one response object shows: where, when, and the weather per hour (null = no data).</summary>
internal sealed record LocationForecast(
    RequestedLocation Location,
    GridCell Cell,
    float ElevationMetres,
    HourlyWindow Window,
    IReadOnlyList<HourlyWeather?> Hours);
