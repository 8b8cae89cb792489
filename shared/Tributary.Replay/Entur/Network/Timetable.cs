using System.Globalization;

namespace Tributary.Replay.Entur.Network;

/// <summary>
/// A service journey: one run of a line's pattern in one direction. Scheduled trips run on every day of their
/// <see cref="DayType"/> with the same id (the service date tells runs apart); extra trips exist on one date only,
/// in real time, and are not in the GTFS timetable.
/// </summary>
/// <param name="StartSecond">Departure from the first stop, in seconds after the start of the service day.</param>
internal sealed record Trip(string Id, TransitLine Line, int Direction, DayType DayType, int StartSecond, bool IsExtra);

/// <summary>One stop of a trip, times in seconds after the start of the service day.</summary>
/// <param name="Position">0-based position in the trip (<c>stopPositionInPattern</c>; GTFS <c>stop_sequence</c> is one more).</param>
internal sealed record TripStop(PatternStop Stop, string QuayId, int Position, int ArrivalSecond, int DepartureSecond, bool ForBoarding, bool ForAlighting);

/// <summary>The planned timetable of every catalogue line, per day type and direction. A pure function of the catalogue.</summary>
internal sealed class Timetable
{
    /// <summary>Time a vehicle stands at an intermediate stop before it leaves.</summary>
    public const int DwellSeconds = 30;

    private readonly Dictionary<(string Line, DayType DayType, int Direction), IReadOnlyList<Trip>> _trips = [];

    public Timetable(EnturNetwork network)
    {
        Network = network;
        foreach (var line in network.Lines)
        {
            foreach (var dayType in Enum.GetValues<DayType>())
            {
                for (var direction = 0; direction < 2; direction++)
                {
                    _trips[(line.Id, dayType, direction)] = Plan(line, dayType, direction);
                }
            }
        }
    }

    public EnturNetwork Network { get; }

    public IReadOnlyList<Trip> TripsOf(TransitLine line, DayType dayType, int direction) => _trips[(line.Id, dayType, direction)];

    /// <summary>The pattern in the trip's direction of travel.</summary>
    public static IReadOnlyList<TripStop> StopsOf(Trip trip)
    {
        var pattern = trip.Line.Pattern;
        var last = pattern.Count - 1;
        var total = pattern[last].Minute;
        var stops = new TripStop[pattern.Count];
        for (var position = 0; position <= last; position++)
        {
            var stop = trip.Direction == 0 ? pattern[position] : pattern[last - position];
            var minute = trip.Direction == 0 ? stop.Minute : total - stop.Minute;
            var departure = trip.StartSecond + (minute * 60);
            var arrival = position is 0 || position == last ? departure : departure - DwellSeconds;
            stops[position] = new TripStop(
                stop,
                trip.Direction == 0 ? stop.OutboundQuayId : stop.InboundQuayId,
                position,
                arrival,
                departure,
                ForBoarding: position != last,
                ForAlighting: position != 0);
        }

        return stops;
    }

    public static string ServiceJourneyId(TransitLine line, DayType dayType, int direction, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Codespace(line)}:ServiceJourney:{line.PublicCode}-{(int)dayType}{direction}{index:0000}");

    public static string ExtraServiceJourneyId(TransitLine line, DateOnly serviceDate, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Codespace(line)}:ServiceJourney:{line.PublicCode}-ekstra-{serviceDate:yyyyMMdd}-{number}");

    private static string Codespace(TransitLine line) => line.Id[..line.Id.IndexOf(':', StringComparison.Ordinal)];

    private static IReadOnlyList<Trip> Plan(TransitLine line, DayType dayType, int direction)
    {
        var plan = line.Plan;
        var first = plan.IsNightLine ? plan.FirstMinute : dayType switch
        {
            DayType.Saturday => Math.Max(plan.FirstMinute, 390),
            DayType.Sunday => Math.Max(plan.FirstMinute, 450),
            _ => plan.FirstMinute,
        };

        List<Trip> trips = [];
        var minute = first + plan.Offset + (direction * 4);
        while (minute <= plan.LastMinute)
        {
            trips.Add(new Trip(ServiceJourneyId(line, dayType, direction, trips.Count + 1), line, direction, dayType, minute * 60, IsExtra: false));
            minute += Headway(plan, dayType, minute);
        }

        return trips;
    }

    private static int Headway(ServicePlan plan, DayType dayType, int minute)
    {
        if (plan.IsNightLine)
        {
            return plan.Base;
        }

        return dayType switch
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
}
