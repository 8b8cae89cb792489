using System.Globalization;
using System.IO.Compression;
using Tributary.Replay.Entur.Network;

namespace Tributary.Replay.Entur.Gtfs;

/// <summary>
/// Writes the trimmed national GTFS ZIP for the catalogue: the same NSR stop/quay ids, line ids and service journey ids
/// as the Journey Planner, and stop times that give the planner's aimed times exactly (extra, real-time-only trips are
/// not in it). The calendar covers the day before the publish date to a week after it. On purpose it carries the
/// format's traps: a UTF-8 BOM (agency.txt, stops.txt), CRLF line ends (stops.txt), RFC 4180 quotes with commas and
/// doubled quotes, columns in a non-canonical order (trips.txt, stop_times.txt), times past 24:00:00, and whatever
/// DST-change service day falls in the window.
/// </summary>
internal sealed class GtfsFeedBuilder(Timetable timetable)
{
    public const int DaysBefore = 1;
    public const int DaysAfter = 7;

    public byte[] Build(DateOnly publishDate, DateTimeOffset publishedAt)
    {
        var firstDate = publishDate.AddDays(-DaysBefore);
        var lastDate = publishDate.AddDays(DaysAfter);
        var network = timetable.Network;
        var codespaces = network.Lines.Select(line => line.Authority.Codespace).Distinct().ToList();

        var agency = new CsvFile("agency.txt", byteOrderMark: true, "\n", "agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang");
        foreach (var authority in network.Authorities)
        {
            agency.Add(authority.Id, authority.Name, authority.Url, "Europe/Oslo", "nor");
        }

        var stops = new CsvFile("stops.txt", byteOrderMark: true, "\r\n",
            "stop_id", "stop_name", "stop_lat", "stop_lon", "location_type", "parent_station", "wheelchair_boarding", "platform_code");
        foreach (var stopPlace in network.StopPlaces)
        {
            stops.Add(stopPlace.Id, stopPlace.Name, Coordinate(stopPlace.Latitude), Coordinate(stopPlace.Longitude), "1", string.Empty, "1", string.Empty);
            foreach (var quay in stopPlace.Quays)
            {
                // Quoting a field that needs no quotes is legal too; parsers must not keep the quotes.
                var id = quay.Name.Contains('"', StringComparison.Ordinal) ? CsvCell.Quoted(quay.Id) : quay.Id;
                var wheelchair = quay.Name.Contains('"', StringComparison.Ordinal) ? "0" : "1";
                stops.Add(id, quay.Name, Coordinate(quay.Latitude), Coordinate(quay.Longitude), "0", stopPlace.Id, wheelchair, quay.PublicCode);
            }
        }

        var routes = new CsvFile("routes.txt", byteOrderMark: false, "\n", "route_id", "agency_id", "route_short_name", "route_long_name", "route_type");
        foreach (var line in network.Lines)
        {
            routes.Add(line.Id, line.Authority.Id, line.PublicCode, line.Name, line.GtfsRouteType.ToString(CultureInfo.InvariantCulture));
        }

        var trips = new CsvFile("trips.txt", byteOrderMark: false, "\n", "service_id", "trip_id", "route_id", "direction_id", "trip_headsign");
        var stopTimes = new CsvFile("stop_times.txt", byteOrderMark: false, "\n",
            "trip_id", "stop_sequence", "stop_id", "departure_time", "arrival_time", "pickup_type", "drop_off_type");
        foreach (var line in network.Lines)
        {
            foreach (var dayType in Enum.GetValues<DayType>())
            {
                for (var direction = 0; direction < 2; direction++)
                {
                    foreach (var trip in timetable.TripsOf(line, dayType, direction))
                    {
                        var headsign = network.StopPlace(line.DestinationStopPlaceId(direction)).Name;
                        trips.Add(ServiceId(line.Authority.Codespace, dayType), trip.Id, line.Id, direction.ToString(CultureInfo.InvariantCulture), headsign);
                        foreach (var stop in Timetable.StopsOf(trip))
                        {
                            stopTimes.Add(
                                trip.Id,
                                (stop.Position + 1).ToString(CultureInfo.InvariantCulture),
                                stop.QuayId,
                                GtfsTime(stop.DepartureSecond),
                                GtfsTime(stop.ArrivalSecond),
                                stop.ForBoarding ? "0" : "1",
                                stop.ForAlighting ? "0" : "1");
                        }
                    }
                }
            }
        }

        var calendar = new CsvFile("calendar.txt", byteOrderMark: false, "\n",
            "service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date");
        var calendarDates = new CsvFile("calendar_dates.txt", byteOrderMark: false, "\n", "service_id", "date", "exception_type");
        foreach (var codespace in codespaces)
        {
            calendar.Add(ServiceId(codespace, DayType.Weekday), "1", "1", "1", "1", "1", "0", "0", GtfsDate(firstDate), GtfsDate(lastDate));
            calendar.Add(ServiceId(codespace, DayType.Saturday), "0", "0", "0", "0", "0", "1", "0", GtfsDate(firstDate), GtfsDate(lastDate));
            calendar.Add(ServiceId(codespace, DayType.Sunday), "0", "0", "0", "0", "0", "0", "1", GtfsDate(firstDate), GtfsDate(lastDate));
        }

        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            var regular = ServiceCalendar.RegularDayTypeOf(date);
            var actual = ServiceCalendar.DayTypeOf(date);
            if (regular == actual)
            {
                continue;
            }

            foreach (var codespace in codespaces)
            {
                calendarDates.Add(ServiceId(codespace, regular), GtfsDate(date), "2");
                calendarDates.Add(ServiceId(codespace, actual), GtfsDate(date), "1");
            }
        }

        var feedInfo = new CsvFile("feed_info.txt", byteOrderMark: false, "\n",
            "feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_start_date", "feed_end_date", "feed_version");
        feedInfo.Add("Entur", "https://www.entur.org", "no", GtfsDate(firstDate), GtfsDate(lastDate), $"{GtfsDate(publishDate)}-replay");

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var stamp = OsloTime.ToOslo(publishedAt);
            foreach (var file in new[] { agency, calendar, calendarDates, feedInfo, routes, stopTimes, stops, trips })
            {
                var entry = archive.CreateEntry(file.Name, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                using var stream = entry.Open();
                stream.Write(file.ToBytes());
            }
        }

        return zip.ToArray();
    }

    public static string ServiceId(string codespace, DayType dayType) => $"{codespace}:DayType:{ServiceCalendar.NameOf(dayType)}";

    /// <summary><c>HH:MM:SS</c> from the start of the service day; hours go past 23 for trips after midnight.</summary>
    public static string GtfsTime(int secondOfServiceDay) =>
        string.Create(CultureInfo.InvariantCulture, $"{secondOfServiceDay / 3600:00}:{secondOfServiceDay / 60 % 60:00}:{secondOfServiceDay % 60:00}");

    private static string GtfsDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Coordinate(double degrees) => degrees.ToString("F6", CultureInfo.InvariantCulture);
}
