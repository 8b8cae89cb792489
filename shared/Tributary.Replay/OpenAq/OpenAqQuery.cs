using System.Globalization;

namespace Tributary.Replay.OpenAq;

/// <summary>Reads OpenAQ query parameters with the API's rules and messages.</summary>
internal static class OpenAqQuery
{
    public const int MaxLimit = 1000;

    /// <summary>The widest circle, in metres, a <c>coordinates</c> query may ask for.</summary>
    public const int MaxRadius = 25_000;

    public static (int Page, int Limit) Paging(IQueryCollection query, int defaultLimit = 100)
    {
        var limit = Int(query, "limit") ?? defaultLimit;
        var page = Int(query, "page") ?? 1;
        // The API validates with pydantic: one message per bound, prefixed by the parameter name.
        if (limit < 1) throw new OpenAqValidationException("limit: Input should be greater than or equal to 1");
        if (limit > MaxLimit) throw new OpenAqValidationException($"limit: Input should be less than or equal to {MaxLimit}");
        if (page < 1) throw new OpenAqValidationException("page: Input should be greater than or equal to 1");
        return (page, limit);
    }

    public static int? Int(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new OpenAqValidationException($"{name}: Input should be a valid integer, unable to parse string as an integer");
    }

    /// <summary>An ISO date-time; one without an offset means the station's local time (Europe/Oslo here), as in the API.</summary>
    public static DateTimeOffset? DateTime(IQueryCollection query, string name)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return null;
        if (System.DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            if (parsed.Kind == DateTimeKind.Utc) return new DateTimeOffset(parsed, TimeSpan.Zero);
            if (HasOffset(text)) return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
            var local = System.DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, AirQualityGenerator.Oslo.GetUtcOffset(local));
        }
        throw new OpenAqValidationException($"{name}: Input should be a valid datetime or date, invalid character in year");
    }

    private static bool HasOffset(string text) => text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':';

    /// <summary><c>coordinates=lat,lon</c> (max 4 decimals) with <c>radius</c> 1..25000 m, or <c>bbox</c>, never both.</summary>
    public static Func<AirLocation, AreaMatch>? Area(IQueryCollection query)
    {
        var coordinates = query["coordinates"].ToString();
        var bbox = query["bbox"].ToString();
        var radius = Int(query, "radius");
        if (coordinates.Length > 0 && bbox.Length > 0) throw new OpenAqValidationException("Cannot pass both bounding box and coordinate/radius query in the same URL");
        if (coordinates.Length > 0)
        {
            var parts = coordinates.Split(',');
            if (parts.Length != 2 || !TryCoordinate(parts[0], 90, out var lat) || !TryCoordinate(parts[1], 180, out var lon))
            {
                throw new OpenAqValidationException("coordinates: Value error, coordinates must be latitude,longitude with at most 4 decimal places");
            }
            if (radius is null) throw new OpenAqValidationException("Coordinates must be passed with a radius");
            if (radius < 1) throw new OpenAqValidationException("radius: Input should be greater than 0");
            if (radius > MaxRadius) throw new OpenAqValidationException($"radius: Input should be less than or equal to {MaxRadius}");
            return location =>
            {
                var metres = OpenAqCatalogue.DistanceMetres(lat, lon, location.Latitude, location.Longitude);
                return new AreaMatch(metres <= radius, Math.Round(metres, 6));
            };
        }
        if (radius is not null) throw new OpenAqValidationException("Radius must be passed with coordinates");
        if (bbox.Length > 0)
        {
            var parts = bbox.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
            if (parts.Length != 4 || parts.Any(double.IsNaN) || parts[0] > parts[2] || parts[1] > parts[3])
            {
                throw new OpenAqValidationException("bbox: Value error, bbox must be minLon,minLat,maxLon,maxLat");
            }
            return location => new AreaMatch(
                location.Longitude >= parts[0] && location.Latitude >= parts[1] && location.Longitude <= parts[2] && location.Latitude <= parts[3], null);
        }
        return null;
    }

    private static bool TryCoordinate(string text, double max, out double value)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && Math.Abs(value) <= max
            && (dot < 0 || text.Length - dot - 1 <= 4);
    }
}
