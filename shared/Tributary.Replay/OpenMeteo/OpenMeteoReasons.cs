namespace Tributary.Replay.OpenMeteo;

/// <summary>Reason texts the vendor sends, verbatim (from the docs and the open-meteo server source).</summary>
internal static class OpenMeteoReasons
{
    public const string ServerError = "Something went wrong.";
    public const string MinutelyLimitExceeded = "Minutely API request limit exceeded. Please try again in one minute.";
    public const string HourlyLimitExceeded = "Hourly API request limit exceeded. Please try again in the next hour.";
    public const string DailyLimitExceeded = "Daily API request limit exceeded. Please try again tomorrow.";
    public const string TooManyConcurrentRequests = "Too many concurrent requests";

    public const string InvalidTimezone = "Invalid timezone";
    public const string InvalidDateFormat = "Invalid date format. Make sure to use 'YYYY-MM-DD'";
    public const string InvalidDate = "Invalid date";
    public const string EndBeforeStart = "End-date must be larger or equals than start-date";
    public const string StartAndEndRequired = "Both 'start_date' and 'end_date' must be set in the url";
    public const string PastDaysWithDates = "Parameter 'past_days' is mutually exclusive with 'start_date' and 'end_date'";
    public const string CoordinateCountsDiffer = "Parameter 'latitude' and 'longitude' must have the same number of elements";
    public const string StartEndCountsDiffer = "Parameter 'start_date' and 'end_date' must have the same number of elements";
    public const string DatesAndCoordinatesCountsDiffer =
        "Parameter 'start_date' and 'end_date' must have the same number of elements as coordinates";

    public static string TooManyCoordinates(int max) => $"Parameter 'latitude' and 'longitude' must not exceed {max} coordinates.";

    public static string FloatRequired(string key) => $"Value of type 'Float' required for key '{key}'.";

    public static string IntRequired(string key) => $"Value of type 'Int' required for key '{key}'.";

    public static string InvalidValue(string typeName, string value, string key) =>
        $"Cannot initialize {typeName} from invalid String value {value} for key {key}";

    public static string LatitudeOutOfRange(float given) =>
        $"Latitude must be in range of -90 to 90°. Given: {SwiftNumberText.Float(given)}.";

    public static string LongitudeOutOfRange(float given) =>
        $"Longitude must be in range of -180 to 180°. Given: {SwiftNumberText.Float(given)}.";

    public static string PastDaysInvalid(int given, int max) => $"Past days is invalid. Allowed range 0 to {max}. Given {given}.";

    public static string ForecastDaysInvalid(int given, int max) => $"Forecast days is invalid. Allowed range 0 to {max}. Given {given}.";

    public static string DateOutOfRange(string parameter, DateOnly first, DateOnly last) =>
        $"Parameter '{parameter}' is out of allowed range from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}";
}
