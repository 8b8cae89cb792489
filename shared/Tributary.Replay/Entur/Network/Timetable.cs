using System.Globalization;

namespace Tributary.Replay.Entur.Network;

/// <summary>Which timetable a service day runs: Monday-Friday, Saturday or Sunday.</summary>
internal enum DayType
{
    Weekday,
    Saturday,
    Sunday,
}

/// <summary>
/// A service journey: one run of a line's pattern in one direction. Scheduled trips run on every day of their
/// <see cref="DayType"/> with the same id (the service date tells runs apart); extra trips exist on one date only,
/// in real time, and are not in the GTFS timetable.
/// </summary>
/// <param name="StartSecond">Departure from the first stop, in seconds after the start of the service day.</param>
internal sealed record Trip(string Id, TransitLine Line, int Direction, int StartSecond, bool IsExtra);

/// <summary>One stop of a trip, times in seconds after the start of the service day.</summary>
/// <param name="Position">0-based position in the trip (GTFS <c>stop_sequence</c> is one more).</param>
internal sealed record TripStop(string StopPlaceId, string QuayId, int Position, int ArrivalSecond, int DepartureSecond, bool ForBoarding, bool ForAlighting);

/// <summary>The planned timetable of a line, per day type and direction: a pure function of its <see cref="ServicePlan"/>.</summary>
internal static class Timetable
{
    /// <summary>Time a vehicle stands at an intermediate stop before it leaves.</summary>
    public const int DwellSeconds = 30;

    public static DayType DayTypeOf(DateOnly serviceDate) => serviceDate.DayOfWeek switch
    {
        DayOfWeek.Saturday => DayType.Saturday,
        DayOfWeek.Sunday => DayType.Sunday,
        _ => DayType.Weekday,
    };

    public static IEnumerable<Trip> TripsOf(TransitLine line, DayType dayType, int direction)
    {
        var plan = line.Plan;
        var first = plan.IsNightLine ? plan.FirstMinute : dayType switch
        {
            DayType.Saturday => Math.Max(plan.FirstMinute, 390),
            DayType.Sunday => Math.Max(plan.FirstMinute, 450),
            _ => plan.FirstMinute,
        };
        var index = 0;
        for (var minute = first + plan.Offset + (direction * 4); minute <= plan.LastMinute; minute += Headway(plan, dayType, minute))
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{line.Authority.Codespace}:ServiceJourney:{line.PublicCode}-{(int)dayType}{direction}{++index:0000}");
            yield return new Trip(id, line, direction, minute * 60, IsExtra: false);
        }
    }

    /// <summary>The pattern in the trip's direction of travel.</summary>
    public static TripStop[] StopsOf(Trip trip)
    {
        var pattern = trip.Line.Pattern;
        var last = pattern.Count - 1;
        var stops = new TripStop[pattern.Count];
        for (var position = 0; position <= last; position++)
        {
            var stop = trip.Direction == 0 ? pattern[position] : pattern[last - position];
            var departure = trip.StartSecond + ((trip.Direction == 0 ? stop.Minute : pattern[last].Minute - stop.Minute) * 60);
            var arrival = position is 0 || position == last ? departure : departure - DwellSeconds;
            stops[position] = new TripStop(stop.StopPlaceId, trip.Direction == 0 ? stop.OutboundQuayId : stop.InboundQuayId, position, arrival, departure,
                ForBoarding: position != last, ForAlighting: position != 0);
        }

        return stops;
    }

    private static int Headway(ServicePlan plan, DayType dayType, int minute) => plan.IsNightLine ? plan.Base : dayType switch
    {
        DayType.Weekday => minute switch
        {
            < 390 => plan.Evening,
            < 540 => plan.Peak,
            < 900 => plan.Base,
            < 1080 => plan.Peak,
            < 1260 => plan.Base,
            _ => plan.Evening,
        },
        DayType.Saturday => minute is >= 600 and < 1140 ? plan.Base : plan.Evening,
        _ => minute is >= 660 and < 1140 ? plan.Base : plan.Evening,
    };
}
