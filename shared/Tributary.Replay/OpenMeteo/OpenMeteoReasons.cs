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
    public const string OneLocationOnly = "The replay server answers one location per request";

    public static string FloatRequired(string key) => $"Value of type 'Float' required for key '{key}'.";

    public static string IntRequired(string key) => $"Value of type 'Int' required for key '{key}'.";

    public static string InvalidValue(string typeName, string value, string key) =>
        $"Cannot initialize {typeName} from invalid String value {value} for key {key}";

    public static string OutOfRange(string what, float given, int limit) =>
        $"{what} must be in range of -{limit} to {limit}°. Given: {SwiftNumberText.Float(given)}.";

    public static string DaysInvalid(string what, int given, int max) => $"{what} days is invalid. Allowed range 0 to {max}. Given {given}.";

    public static string DateOutOfRange(string parameter, DateOnly first, DateOnly last) =>
        $"Parameter '{parameter}' is out of allowed range from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}";
}
