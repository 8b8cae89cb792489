using System.Globalization;

namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// Reads the vendor's query parameters and rejects what the vendor rejects, with the vendor's reasons, in the vendor's
/// order (typed parameters, dates, coordinates, zone, the window, variables). Lists may be comma-separated or repeated.
/// </summary>
internal static class HourlyRequestParser
{
    /// <exception cref="OpenMeteoRequestException">The vendor would answer 400.</exception>
    public static HourlyRequest Parse(IQueryCollection query, OpenMeteoApi api, DateTimeOffset now)
    {
        var windUnitText = ListOf(query, "wind_speed_unit").FirstOrDefault() ?? "kmh";
        var windSpeed = OutputUnit.WindSpeeds.GetValueOrDefault(windUnitText)
            ?? throw new OpenMeteoRequestException($"Cannot initialize WindspeedUnit from invalid String value {windUnitText} for key wind_speed_unit");
        var pastDays = OptionalInt(query, "past_days");
        var forecastDays = OptionalInt(query, "forecast_days");
        var dates = Dates(query, api, DateOnly.FromDateTime(now.UtcDateTime));
        if (dates is not null && (pastDays is not (null or 0) || forecastDays is not (null or 0)))
        {
            throw new OpenMeteoRequestException("Parameter 'past_days' is mutually exclusive with 'start_date' and 'end_date'");
        }

        var latitude = Coordinate(query, "latitude", "Latitude", 90);
        var longitude = Coordinate(query, "longitude", "Longitude", 180);
        var zoneName = ListOf(query, "timezone").FirstOrDefault() ?? "GMT";
        if (!ResponseZone.TryResolve(zoneName, out var zone)) throw new OpenMeteoRequestException("Invalid timezone");

        RequireWithin("Past", pastDays ?? 0, OpenMeteoApi.MaxPastDays);
        RequireWithin("Forecast", forecastDays ?? api.DefaultForecastDays, api.MaxForecastDays);

        var hourly = ListOf(query, "hourly").Distinct(StringComparer.Ordinal).Select(name =>
            api.Variables.FirstOrDefault(variable => variable.Name == name)
            ?? throw new OpenMeteoRequestException($"Cannot initialize {api.VariableTypeName} from invalid String value {name} for key hourly")).ToList();

        return new HourlyRequest(api, latitude, longitude, zone, hourly, windSpeed, dates, pastDays ?? 0, forecastDays ?? api.DefaultForecastDays);
    }

    private static int? OptionalInt(IQueryCollection query, string key) =>
        ListOf(query, key).FirstOrDefault() is not { } text ? null
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number
        : throw new OpenMeteoRequestException($"Value of type 'Int' required for key '{key}'.");

    private static void RequireWithin(string what, int given, int max)
    {
        if (given < 0 || given > max) throw new OpenMeteoRequestException($"{what} days is invalid. Allowed range 0 to {max}. Given {given}.");
    }

    private static DateRange? Dates(IQueryCollection query, OpenMeteoApi api, DateOnly today)
    {
        var starts = ListOf(query, "start_date");
        var ends = ListOf(query, "end_date");
        if (starts.Count == 0 && ends.Count == 0) return null;
        if (starts.Count == 0 || ends.Count == 0) throw new OpenMeteoRequestException("Both 'start_date' and 'end_date' must be set in the url");
        if (starts.Count > 1 || ends.Count > 1) throw new OpenMeteoRequestException("The replay server answers one location per request");

        var (start, end) = (IsoDate(starts[0]), IsoDate(ends[0]));
        if (end < start) throw new OpenMeteoRequestException("End-date must be larger or equals than start-date");
        var last = today.AddDays(api.MaxForecastDays - 1);
        if (start < api.FirstDate || start > last) throw OutOfRange("start_date", api.FirstDate, last);
        if (end > last) throw OutOfRange("end_date", api.FirstDate, last);
        return new DateRange(start, end);
    }

    private static OpenMeteoRequestException OutOfRange(string parameter, DateOnly first, DateOnly last) =>
        new($"Parameter '{parameter}' is out of allowed range from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}");

    private static DateOnly IsoDate(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            throw new OpenMeteoRequestException("Invalid date format. Make sure to use 'YYYY-MM-DD'");
        }

        var isRealDate = year is >= 1900 and <= 2050 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        return isRealDate ? new DateOnly(year, month, day) : throw new OpenMeteoRequestException("Invalid date");
    }

    private static float Coordinate(IQueryCollection query, string key, string what, int limit)
    {
        var texts = ListOf(query, key);
        if (texts.Count > 1) throw new OpenMeteoRequestException("The replay server answers one location per request");
        const NumberStyles FloatStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        if (texts.Count == 0 || !float.TryParse(texts[0], FloatStyles, CultureInfo.InvariantCulture, out var value))
        {
            throw new OpenMeteoRequestException($"Value of type 'Float' required for key '{key}'.");
        }

        return float.IsNaN(value) || Math.Abs(value) > limit ? throw new OpenMeteoRequestException($"{what} must be in range of -{limit} to {limit}°. Given: {SwiftNumberText.Float(value)}.") : value;
    }

    // Like Swift's split(separator:), empty elements vanish: "a,,b" is [a, b].
    private static List<string> ListOf(IQueryCollection query, string key) =>
        [.. query[key].SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))];
}
