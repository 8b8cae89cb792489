using Tributary.Quality;
using System.Globalization;
using System.IO.Compression;
using Tributary.Curation;

namespace Tributary.Sources.Gtfs;

/// <summary>
/// Maps a GTFS static feed (CSV files in a ZIP, e.g. Entur's national dataset) to:
/// <list type="bullet">
/// <item>the <c>stop</c> dimension: every stop, quay and station within <see cref="CityRadiusKm"/> of a city centre,
/// assigned to the nearest city;</item>
/// <item><c>scheduled_departures</c>: per quay and UTC hour, how many trips are timetabled to depart (pickup allowed),
/// for the service dates from <see cref="DaysBefore"/> before to <see cref="DaysAfter"/> after the run's day. Hours
/// without departures are not written.</item>
/// </list>
/// A national feed covers months and tens of thousands of stops, hence both bounds. Bad rows are rejected with
/// their file and line; a feed without <c>stops.txt</c>, <c>trips.txt</c> or <c>stop_times.txt</c> is malformed.
/// </summary>
public sealed class GtfsFeedMapper(IReadOnlyDictionary<string, Configuration.City> cities) : ISourceMapper
{
    public const string Id = "entur-gtfs";
    public const double CityRadiusKm = 25;
    public const int DaysBefore = 1;
    public const int DaysAfter = 7;

    public string SourceId => Id;

    /// <summary>
    /// The files and columns it reads (<c>file:column</c>). GTFS files carry many optional columns it has no use for,
    /// so a new column is not drift here; a column it reads going missing is.
    /// </summary>
    public PayloadSchema Schema { get; } = new(
    [
        .. Columns("agency.txt", ["agency_timezone"]),
        .. Columns("stops.txt", ["stop_id", "stop_lat", "stop_lon"], ["stop_name", "location_type", "parent_station", "platform_code", "wheelchair_boarding"]),
        .. Columns("trips.txt", ["trip_id", "service_id"]),
        .. Columns("stop_times.txt", ["trip_id", "stop_id", "departure_time"], ["arrival_time", "pickup_type"]),
        .. Columns("calendar.txt", [], ["service_id", "start_date", "end_date"]),
        .. Columns("calendar_dates.txt", [], ["service_id", "date", "exception_type"]),
    ], []);

    private static IEnumerable<FieldExpectation> Columns(string file, string[] required, string[]? optional = null) =>
        required.Select(c => new FieldExpectation($"{file}:{c}", FieldKinds.Column))
            .Concat((optional ?? []).Select(c => new FieldExpectation($"{file}:{c}", FieldKinds.Column, Required: false)));

    public MappingResult Map(Stream payload, RawPageContext context)
    {
        ZipArchive zip;
        try
        {
            // Read in place: on a seekable stream (a blob opened for reading) the archive inflates one entry at a time, so
            // a national feed is never held whole in memory.
            zip = new ZipArchive(payload, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new MalformedPayloadException($"GTFS feed '{context.BlobName}' is not a readable ZIP: {ex.Message}", ex);
        }

        using (zip)
        {
            try
            {
                return Map(new GtfsTable(zip, context.BlobName), context);
            }
            catch (InvalidDataException ex)
            {
                // A truncated or corrupt entry only shows when it is inflated.
                throw new MalformedPayloadException($"GTFS feed '{context.BlobName}' has a corrupt file: {ex.Message}", ex);
            }
        }
    }

    private MappingResult Map(GtfsTable feed, RawPageContext context)
    {
        var rejected = new List<RejectedRecord>();
        var zone = AgencyZone(feed, context);
        var runDay = DateOnly.FromDateTime((context.RunTime ?? FeedStart(feed, context)).UtcDateTime);
        var (first, last) = (runDay.AddDays(-DaysBefore), runDay.AddDays(DaysAfter));

        var stops = ReadStops(feed, rejected);
        var calendar = GtfsCalendar.Read(feed, first, last, rejected);
        var serviceOfTrip = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in feed.Rows("trips.txt", "trip_id", "service_id"))
        {
            if (row["trip_id"] is { } trip && row["service_id"] is { } service) serviceOfTrip[trip] = service;
            else rejected.Add(new($"trips.txt line {row.Line}", "trip_id or service_id is empty", row.Raw));
        }

        var references = new Dictionary<DateOnly, DateTimeOffset>();
        var counts = new Dictionary<(string Quay, DateTimeOffset Hour), int>();
        foreach (var row in feed.Rows("stop_times.txt", "trip_id", "stop_id"))
        {
            if (row["stop_id"] is not { } stopId || !stops.TryGetValue(stopId, out var stop)) continue; // Outside our cities.
            if (row["pickup_type"] == "1") continue; // No boarding here: an arrival, not a departure.
            var seconds = GtfsServiceTime.Seconds(row["departure_time"] ?? row["arrival_time"]);
            if (seconds is null || row["trip_id"] is not { } trip || !serviceOfTrip.TryGetValue(trip, out var service))
            {
                rejected.Add(new($"stop_times.txt line {row.Line}", "departure_time is not H:MM:SS or the trip is unknown", row.Raw));
                continue;
            }
            foreach (var date in calendar.DatesOf(service))
            {
                if (!references.TryGetValue(date, out var reference)) references[date] = reference = GtfsServiceTime.Reference(date, zone);
                var departs = reference.AddSeconds(seconds.Value);
                var hour = new DateTimeOffset(departs.Year, departs.Month, departs.Day, departs.Hour, 0, 0, TimeSpan.Zero);
                counts[(stop.Id, hour)] = counts.GetValueOrDefault((stop.Id, hour)) + 1;
            }
        }

        var observations = counts
            .OrderBy(c => c.Key.Quay, StringComparer.Ordinal).ThenBy(c => c.Key.Hour)
            .Select(c =>
            {
                var stop = stops[c.Key.Quay];
                return new Observation(Id, Metrics.ScheduledDepartures, stop.Id, stop.CityId, stop.Latitude, stop.Longitude, c.Key.Hour, 3600,
                    c.Value, "1", QualityFlags.None, $"{stop.Id}|{c.Key.Hour.UtcDateTime:yyyyMMdd'T'HH}");
            })
            .ToList();
        return new MappingResult(observations, rejected) { Dimensions = [.. stops.Values.Select(s => s.ToDimension())] };
    }

    private Dictionary<string, GtfsStop> ReadStops(GtfsTable feed, List<RejectedRecord> rejected)
    {
        var stops = new Dictionary<string, GtfsStop>(StringComparer.Ordinal);
        foreach (var row in feed.Rows("stops.txt", "stop_id"))
        {
            var locationType = row["location_type"] ?? "0";
            if (locationType is "3" or "4") continue; // Generic nodes and boarding areas have no departures of their own.
            if (row["stop_id"] is not { } id ||
                !double.TryParse(row["stop_lat"], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ||
                !double.TryParse(row["stop_lon"], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) ||
                lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                rejected.Add(new($"stops.txt line {row.Line}", "stop_id is empty or stop_lat/stop_lon are not WGS84 degrees", row.Raw));
                continue;
            }
            if (NearestCity(lat, lon) is { } city)
            {
                stops[id] = new GtfsStop(id, row["stop_name"], lat, lon, locationType, row["parent_station"], row["platform_code"],
                    row["wheelchair_boarding"], city);
            }
        }
        return stops;
    }

    private string? NearestCity(double latitude, double longitude) => cities.Values
        .Select(c => (c.Id, Km: GreatCircleKm(latitude, longitude, c.Latitude, c.Longitude)))
        .Where(c => c.Km <= CityRadiusKm)
        .OrderBy(c => c.Km)
        .Select(c => c.Id)
        .FirstOrDefault();

    private static double GreatCircleKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadiusKm = 6371.0088;
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static TimeZoneInfo AgencyZone(GtfsTable feed, RawPageContext context)
    {
        // GTFS requires every agency of a feed to share one agency_timezone.
        var name = feed.Rows("agency.txt", "agency_timezone").Select(r => r["agency_timezone"]).FirstOrDefault(z => z is not null)
            ?? throw new MalformedPayloadException($"GTFS feed '{context.BlobName}': agency.txt names no agency_timezone.");
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new MalformedPayloadException($"GTFS feed '{context.BlobName}': agency_timezone '{name}' is not a known time zone.", ex);
        }
    }

    private static DateTimeOffset FeedStart(GtfsTable feed, RawPageContext context)
    {
        var start = feed.Has("feed_info.txt")
            ? GtfsServiceTime.Date(feed.Rows("feed_info.txt").Select(r => r["feed_start_date"]).FirstOrDefault())
            : null;
        return start is { } date
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : throw new MalformedPayloadException($"GTFS feed '{context.BlobName}': no run id and no feed_info.feed_start_date to choose the service dates from.");
    }
}
