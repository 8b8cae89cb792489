using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Tributary.Replay.Entur.Network;

namespace Tributary.Replay.Entur.Gtfs;

/// <summary>
/// Writes an Entur-style GTFS ZIP straight into a stream, file by file and row by row (never the whole feed in memory),
/// with CsvHelper doing the RFC 4180 quoting. The same NSR stop/quay, line and service journey ids as the Journey
/// Planner, and stop times that give the planner's aimed times exactly (real-time-only extra trips are not in it). On
/// purpose it carries the format's traps: a UTF-8 BOM (agency.txt, stops.txt), CRLF line ends (stops.txt), quoted
/// commas and doubled quotes, columns in a non-canonical order (trips.txt, stop_times.txt) and times past 24:00:00.
/// </summary>
public static class GtfsFeedBuilder
{
    /// <summary>The calendar runs from the day before the publish date to a week after it.</summary>
    internal const int DaysBefore = 1;
    internal const int DaysAfter = 7;

    /// <summary>
    /// A national-size feed for benchmarks, generated from <paramref name="seed"/>: stop places across Norway and as
    /// many lines as it takes to reach <paramref name="minStopTimes"/> <c>stop_times.txt</c> rows, streamed to
    /// <paramref name="destination"/> (which may be unseekable, e.g. a response body). Same seed, same bytes.
    /// </summary>
    /// <returns>How many <c>stop_times.txt</c> rows were written.</returns>
    public static long WriteNational(Stream destination, int seed, int minStopTimes)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(minStopTimes);
        var publishedAt = new DateTimeOffset(2026, 1, 5, 3, 0, 0, TimeSpan.Zero);
        return Write(destination, NationalNetwork.Generate(seed, minStopTimes), publishedAt);
    }

    /// <returns>How many <c>stop_times.txt</c> rows were written.</returns>
    internal static long Write(Stream destination, EnturNetwork network, DateTimeOffset publishedAt)
    {
        var publishDate = OsloTime.DateOf(publishedAt);
        var (first, last) = (Date(publishDate.AddDays(-DaysBefore)), Date(publishDate.AddDays(DaysAfter)));
        var codespaces = network.Authorities.Select(authority => authority.Codespace).ToList();
        long stopTimes = 0;

        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        void File(string name, string[] header, IEnumerable<string[]> rows, bool bom = false, string newLine = "\n") =>
            WriteFile(zip, name, OsloTime.ToOslo(publishedAt), bom, newLine, header, rows);

        File("agency.txt", ["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang"],
            network.Authorities.Select(a => new[] { a.Id, a.Name, a.Url, "Europe/Oslo", "nor" }), bom: true);
        File("calendar.txt", ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date"],
            codespaces.SelectMany(codespace => new[]
            {
                new[] { ServiceId(codespace, DayType.Weekday), "1", "1", "1", "1", "1", "0", "0", first, last },
                [ServiceId(codespace, DayType.Saturday), "0", "0", "0", "0", "0", "1", "0", first, last],
                [ServiceId(codespace, DayType.Sunday), "0", "0", "0", "0", "0", "0", "1", first, last],
            }));
        File("feed_info.txt", ["feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_start_date", "feed_end_date", "feed_version"],
            [["Entur", "https://www.entur.org", "no", first, last, $"{Date(publishDate)}-replay"]]);
        File("routes.txt", ["route_id", "agency_id", "route_short_name", "route_long_name", "route_type"],
            network.Lines.Select(line => new[] { line.Id, line.Authority.Id, line.PublicCode, line.Name, Number(line.GtfsRouteType) }));
        File("stop_times.txt", ["trip_id", "stop_sequence", "stop_id", "departure_time", "arrival_time", "pickup_type", "drop_off_type"],
            Trips(network).SelectMany(t => Timetable.StopsOf(t.Trip), (t, stop) =>
            {
                stopTimes++;
                return (string[])[t.Trip.Id, Number(stop.Position + 1), stop.QuayId, Time(stop.DepartureSecond), Time(stop.ArrivalSecond),
                    stop.ForBoarding ? "0" : "1", stop.ForAlighting ? "0" : "1"];
            }));
        File("stops.txt", ["stop_id", "stop_name", "stop_lat", "stop_lon", "location_type", "parent_station", "wheelchair_boarding", "platform_code"],
            network.StopPlaces.SelectMany(place => place.Quays
                .Select(quay => new[] { quay.Id, quay.Name, Coordinate(quay.Latitude), Coordinate(quay.Longitude), "0", place.Id, "1", quay.PublicCode })
                .Prepend([place.Id, place.Name, Coordinate(place.Latitude), Coordinate(place.Longitude), "1", "", "1", ""])), bom: true, newLine: "\r\n");
        File("trips.txt", ["service_id", "trip_id", "route_id", "direction_id", "trip_headsign"],
            Trips(network).Select(t => new[] { ServiceId(t.Trip.Line.Authority.Codespace, t.DayType), t.Trip.Id, t.Trip.Line.Id, Number(t.Trip.Direction),
                network.StopPlace(t.Trip.Line.DestinationStopPlaceId(t.Trip.Direction)).Name }));
        return stopTimes;
    }

    internal static string ServiceId(string codespace, DayType dayType) => $"{codespace}:DayType:{dayType}";

    private static IEnumerable<(Trip Trip, DayType DayType)> Trips(EnturNetwork network) =>
        from line in network.Lines
        from dayType in Enum.GetValues<DayType>()
        from direction in new[] { 0, 1 }
        from trip in Timetable.TripsOf(line, dayType, direction)
        select (trip, dayType);

    private static void WriteFile(ZipArchive zip, string name, DateTimeOffset stamp, bool bom, string newLine, string[] header, IEnumerable<string[]> rows)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = stamp;
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = newLine });
        foreach (var row in rows.Prepend(header))
        {
            foreach (var field in row) csv.WriteField(field);
            csv.NextRecord();
        }
    }

    /// <summary><c>HH:MM:SS</c> from the start of the service day; hours go past 23 for trips after midnight.</summary>
    private static string Time(int second) => string.Create(CultureInfo.InvariantCulture, $"{second / 3600:00}:{second / 60 % 60:00}:{second % 60:00}");

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Coordinate(double degrees) => degrees.ToString("F6", CultureInfo.InvariantCulture);
}
