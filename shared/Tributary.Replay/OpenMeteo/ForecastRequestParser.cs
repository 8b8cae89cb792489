using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// Reads the vendor's query parameters and rejects what the vendor rejects, with the vendor's reasons.
/// Lists may be comma-separated or repeated (<c>hourly=a&amp;hourly=b</c>).
/// </summary>
internal static class ForecastRequestParser
{
    public const int MaxPastDays = 92;
    public const int MaxForecastDays = 16;
    public const int DefaultForecastDays = 7;
    public const int MaxCoordinates = 1000;

    private static readonly DateOnly FirstArchiveDate = new(1940, 1, 1);
    private static readonly DateOnly FirstForecastDate = new(2016, 1, 1);

    private static readonly Dictionary<string, OutputUnit> TemperatureUnits = new(StringComparer.Ordinal)
    {
        ["celsius"] = OutputUnit.Celsius,
        ["fahrenheit"] = OutputUnit.Fahrenheit,
    };

    private static readonly Dictionary<string, OutputUnit> WindSpeedUnits = new(StringComparer.Ordinal)
    {
        ["kmh"] = OutputUnit.KilometresPerHour,
        ["ms"] = OutputUnit.MetresPerSecond,
        ["mph"] = OutputUnit.MilesPerHour,
        ["kn"] = OutputUnit.Knots,
    };

    private static readonly Dictionary<string, OutputUnit> PrecipitationUnits = new(StringComparer.Ordinal)
    {
        ["mm"] = OutputUnit.Millimetres,
        ["inch"] = OutputUnit.Inches,
    };

    private static readonly Dictionary<string, TimeFormat> TimeFormats = new(StringComparer.Ordinal)
    {
        ["iso8601"] = TimeFormat.Iso8601,
        ["unixtime"] = TimeFormat.UnixTime,
    };

    /// <exception cref="OpenMeteoRequestException">The vendor would answer 400.</exception>
    public static ForecastRequest Parse(IQueryCollection query, OpenMeteoApi api, DateTimeOffset now)
    {
        // Same order as the vendor: typed parameters decode first, then dates, coordinates, zones, the window, variables.
        var units = new UnitSelection(
            ParseChoice(query, "temperature_unit", "TemperatureUnit", TemperatureUnits, OutputUnit.Celsius),
            ParseWindSpeedUnit(query),
            ParseChoice(query, "precipitation_unit", "PrecipitationUnit", PrecipitationUnits, OutputUnit.Millimetres));
        var timeFormat = ParseChoice(query, "timeformat", "Timeformat", TimeFormats, TimeFormat.Iso8601);
        var pastDays = ParseOptionalInt(query, "past_days");
        var forecastDays = ParseOptionalInt(query, "forecast_days");

        var dates = ParseDateRanges(query);
        if (dates.Count > 0 && (pastDays is not (null or 0) || forecastDays is not (null or 0)))
        {
            throw new OpenMeteoRequestException(OpenMeteoReasons.PastDaysWithDates);
        }

        if (api == OpenMeteoApi.Archive && dates.Count == 0)
        {
            throw new OpenMeteoRequestException(OpenMeteoReasons.StartAndEndRequired);
        }

        RequireAllowedDates(dates, api, DateOnly.FromDateTime(now.UtcDateTime));

        var coordinates = ParseCoordinates(query);
        var zones = ParseZones(query, coordinates.Count);

        if (dates.Count == 0)
        {
            RequireWithin(pastDays ?? 0, MaxPastDays, OpenMeteoReasons.PastDaysInvalid);
            RequireWithin(forecastDays ?? DefaultForecastDays, MaxForecastDays, OpenMeteoReasons.ForecastDaysInvalid);
        }

        return new ForecastRequest(
            api,
            PairLocations(coordinates, zones, dates),
            ParseHourly(query),
            units,
            timeFormat,
            pastDays ?? 0,
            forecastDays ?? DefaultForecastDays);
    }

    private static OutputUnit ParseWindSpeedUnit(IQueryCollection query) =>
        query.ContainsKey("wind_speed_unit") || !query.ContainsKey("windspeed_unit")
            ? ParseChoice(query, "wind_speed_unit", "WindspeedUnit", WindSpeedUnits, OutputUnit.KilometresPerHour)
            : ParseChoice(query, "windspeed_unit", "WindspeedUnit", WindSpeedUnits, OutputUnit.KilometresPerHour);

    private static T ParseChoice<T>(IQueryCollection query, string key, string vendorTypeName, Dictionary<string, T> choices, T fallback)
    {
        if (!query.TryGetValue(key, out var values) || StringValues.IsNullOrEmpty(values))
        {
            return fallback;
        }

        var text = values[0] ?? string.Empty;
        return choices.TryGetValue(text, out var choice)
            ? choice
            : throw new OpenMeteoRequestException(OpenMeteoReasons.InvalidValue(vendorTypeName, text, key));
    }

    private static int? ParseOptionalInt(IQueryCollection query, string key)
    {
        if (!query.TryGetValue(key, out var values) || values.Count == 0)
        {
            return null;
        }

        return int.TryParse(values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new OpenMeteoRequestException(OpenMeteoReasons.IntRequired(key));
    }

    private static void RequireWithin(int given, int max, Func<int, int, string> reason)
    {
        if (given < 0 || given > max)
        {
            throw new OpenMeteoRequestException(reason(given, max));
        }
    }

    private static List<DateRange> ParseDateRanges(IQueryCollection query)
    {
        var starts = ListOf(query, "start_date");
        var ends = ListOf(query, "end_date");
        if (starts.Count == 0 && ends.Count == 0)
        {
            return [];
        }

        if (starts.Count == 0 || ends.Count == 0)
        {
            throw new OpenMeteoRequestException(OpenMeteoReasons.StartAndEndRequired);
        }

        var startDates = starts.Select(ParseIsoDate).ToList();
        var endDates = ends.Select(ParseIsoDate).ToList();
        if (startDates.Count != endDates.Count)
        {
            throw new OpenMeteoRequestException(OpenMeteoReasons.StartEndCountsDiffer);
        }

        return [.. startDates.Zip(endDates, (start, end) => end >= start
            ? new DateRange(start, end)
            : throw new OpenMeteoRequestException(OpenMeteoReasons.EndBeforeStart))];
    }

    private static DateOnly ParseIsoDate(string text)
    {
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            throw new OpenMeteoRequestException(OpenMeteoReasons.InvalidDateFormat);
        }

        var isRealDate = year is >= 1900 and <= 2050 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        return isRealDate ? new DateOnly(year, month, day) : throw new OpenMeteoRequestException(OpenMeteoReasons.InvalidDate);
    }

    private static void RequireAllowedDates(List<DateRange> dates, OpenMeteoApi api, DateOnly today)
    {
        var (first, last) = api == OpenMeteoApi.Archive
            ? (FirstArchiveDate, today)
            : (FirstForecastDate, today.AddDays(MaxForecastDays - 1));
        foreach (var range in dates)
        {
            if (range.Start < first || range.Start > last)
            {
                throw new OpenMeteoRequestException(OpenMeteoReasons.DateOutOfRange("start_date", first, last));
            }

            if (range.End > last)
            {
                throw new OpenMeteoRequestException(OpenMeteoReasons.DateOutOfRange("end_date", first, last));
            }
        }
    }

    private static List<(float Latitude, float Longitude)> ParseCoordinates(IQueryCollection query)
    {
        var latitudes = ParseFloats(query, "latitude");
        var longitudes = ParseFloats(query, "longitude");
        if (latitudes.Count != longitudes.Count)
        {
            throw new OpenMeteoRequestException(OpenMeteoReasons.CoordinateCountsDiffer);
        }

        if (latitudes.Count > MaxCoordinates)
        {
            throw new OpenMeteoRequestException(OpenMeteoReasons.TooManyCoordinates(MaxCoordinates));
        }

        var coordinates = latitudes.Zip(longitudes).ToList();
        foreach (var (latitude, longitude) in coordinates)
        {
            if (float.IsNaN(latitude) || latitude is > 90 or < -90)
            {
                throw new OpenMeteoRequestException(OpenMeteoReasons.LatitudeOutOfRange(latitude));
            }

            if (float.IsNaN(longitude) || longitude is > 180 or < -180)
            {
                throw new OpenMeteoRequestException(OpenMeteoReasons.LongitudeOutOfRange(longitude));
            }
        }

        return coordinates;
    }

    private static List<float> ParseFloats(IQueryCollection query, string key)
    {
        var texts = ListOf(query, key);
        if (texts.Count == 0)
        {
            throw new OpenMeteoRequestException(OpenMeteoReasons.FloatRequired(key));
        }

        const NumberStyles FloatStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return [.. texts.Select(text => float.TryParse(text, FloatStyles, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new OpenMeteoRequestException(OpenMeteoReasons.FloatRequired(key)))];
    }

    private static List<ResponseZone> ParseZones(IQueryCollection query, int coordinateCount)
    {
        var names = ListOf(query, "timezone");
        if (names.Count > 1 && names.Count != coordinateCount)
        {
            // Sic: the vendor reports a zone/coordinate count mismatch with this reason.
            throw new OpenMeteoRequestException(OpenMeteoReasons.CoordinateCountsDiffer);
        }

        return [.. names.Select(name => ResponseZone.TryResolve(name, out var zone)
            ? zone
            : throw new OpenMeteoRequestException(OpenMeteoReasons.InvalidTimezone))];
    }

    private static List<RequestedLocation> PairLocations(
        List<(float Latitude, float Longitude)> coordinates, List<ResponseZone> zones, List<DateRange> dates)
    {
        RequestedLocation At(int coordinate, DateRange? range) => new(
            coordinate,
            coordinates[coordinate].Latitude,
            coordinates[coordinate].Longitude,
            zones.Count switch { 0 => ResponseZone.Gmt, 1 => zones[0], _ => zones[coordinate] },
            range);

        // The vendor's pairing: one range for all points, one point for all ranges, or one range per point.
        return dates.Count switch
        {
            0 => [.. coordinates.Select((_, i) => At(i, null))],
            1 => [.. coordinates.Select((_, i) => At(i, dates[0]))],
            _ when coordinates.Count == 1 => [.. dates.Select(range => At(0, range))],
            _ when coordinates.Count == dates.Count => [.. dates.Select((range, i) => At(i, range))],
            _ => throw new OpenMeteoRequestException(OpenMeteoReasons.DatesAndCoordinatesCountsDiffer),
        };
    }

    private static List<WeatherVariable> ParseHourly(IQueryCollection query)
    {
        List<WeatherVariable> variables = [];
        foreach (var name in ListOf(query, "hourly"))
        {
            var variable = WeatherVariable.Find(name)
                ?? throw new OpenMeteoRequestException(OpenMeteoReasons.InvalidValue("WeatherVariable", name, "hourly"));
            if (!variables.Contains(variable))
            {
                variables.Add(variable);
            }
        }

        return variables;
    }

    // Like Swift's split(separator:), empty elements vanish: "a,,b" is [a, b].
    private static List<string> ListOf(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var values)
            ? [.. values.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))]
            : [];
}
