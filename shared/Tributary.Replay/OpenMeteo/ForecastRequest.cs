namespace Tributary.Replay.OpenMeteo;

/// <summary>A validated <c>/v1/forecast</c> or <c>/v1/archive</c> request.</summary>
internal sealed record ForecastRequest(
    OpenMeteoApi Api,
    IReadOnlyList<RequestedLocation> Locations,
    IReadOnlyList<WeatherVariable> Hourly,
    UnitSelection Units,
    TimeFormat TimeFormat,
    int PastDays,
    int ForecastDays);
