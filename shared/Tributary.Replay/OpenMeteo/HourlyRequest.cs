namespace Tributary.Replay.OpenMeteo;

/// <summary><c>start_date</c>..<c>end_date</c>, both days included.</summary>
internal readonly record struct DateRange(DateOnly Start, DateOnly End);

/// <summary>A validated request to one of the hourly APIs, for one location.</summary>
internal sealed record HourlyRequest(
    OpenMeteoApi Api,
    float Latitude,
    float Longitude,
    ResponseZone Zone,
    IReadOnlyList<HourlyVariable> Hourly,
    OutputUnit WindSpeed,
    DateRange? Dates,
    int PastDays,
    int ForecastDays);

/// <summary>A request the vendor rejects with HTTP 400; the message is the vendor's <c>reason</c> text.</summary>
internal sealed class OpenMeteoRequestException(string reason) : Exception(reason);
