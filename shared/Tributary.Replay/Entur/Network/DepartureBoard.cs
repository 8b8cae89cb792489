namespace Tributary.Replay.Entur.Network;

/// <summary>The <c>arrivalDeparture</c> argument.</summary>
internal enum ArrivalDeparture
{
    Departures,
    Arrivals,
    Both,
}

/// <summary>The arguments of <c>StopPlace.estimatedCalls</c>, defaults applied.</summary>
internal sealed record DepartureQuery(
    DateTimeOffset Start,
    int TimeRangeSeconds,
    int NumberOfDepartures,
    ArrivalDeparture ArrivalDeparture,
    bool IncludeCancelledTrips,
    int? PerLineAndDestination,
    IReadOnlySet<string>? Modes,
    IReadOnlySet<string>? Lines,
    IReadOnlySet<string>? Authorities);

/// <summary>
/// Builds a stop place's board: every call (planned and extra trips) whose expected time falls in
/// <c>[startTime, startTime + timeRange)</c>, ordered by expected time, cut to <c>numberOfDepartures</c>. A call's ids,
/// aimed and expected times depend only on the seed, the trip, the date and the stop; the replay clock only decides
/// which calls already have actual times.
/// </summary>
internal sealed class DepartureBoard(Timetable timetable, RealtimeModel realtime)
{
    private static readonly TimeSpan ServiceDaySpan = TimeSpan.FromHours(30);

    /// <param name="maxCalls">Stops collecting beyond this many (the caller answers "response too large").</param>
    public IReadOnlyList<EstimatedCall> CallsAt(StopPlace stopPlace, DepartureQuery query, DateTimeOffset now, int maxCalls)
    {
        if (query.NumberOfDepartures <= 0 || query.TimeRangeSeconds <= 0)
        {
            return [];
        }

        var start = query.Start;
        var end = start.AddSeconds(query.TimeRangeSeconds);
        var lines = timetable.Network.LinesAt(stopPlace.Id).Where(line => Wanted(line, query)).ToList();
        List<EstimatedCall> found = [];

        // A service day's calls lie within 30 hours of its start (night trips run past midnight, delays add up to 30 minutes).
        var firstDate = OsloTime.DateOf(start - ServiceDaySpan);
        var lastDate = OsloTime.DateOf(end);
        for (var date = firstDate; date <= lastDate; date = date.AddDays(1))
        {
            var dayStart = OsloTime.ServiceDayStart(date);
            var dayType = ServiceCalendar.DayTypeOf(date);
            foreach (var line in lines)
            {
                var extras = realtime.ExtraTrips(line, date);
                for (var direction = 0; direction < 2; direction++)
                {
                    var position = PositionIn(line, direction, stopPlace.Id);
                    foreach (var trip in timetable.TripsOf(line, dayType, direction).Concat(extras.Where(extra => extra.Direction == direction)))
                    {
                        if (Call(trip, position, date, dayStart, query, start, end, now) is { } call)
                        {
                            found.Add(call);
                        }
                    }
                }
            }

            if (found.Count > maxCalls)
            {
                break;
            }

            // Later service days cannot beat what we already have once the n-th call comes before the next day starts.
            if (query.PerLineAndDestination is null && found.Count >= query.NumberOfDepartures)
            {
                found.Sort(Order(query));
                var nextDayEarliest = OsloTime.ServiceDayStart(date.AddDays(1)).AddSeconds(-RealtimeModel.MaxEarlySeconds - 60);
                if (SortTime(found[query.NumberOfDepartures - 1], query) < nextDayEarliest)
                {
                    break;
                }
            }
        }

        found.Sort(Order(query));
        IEnumerable<EstimatedCall> board = found;
        if (query.PerLineAndDestination is { } perLine)
        {
            board = board.GroupBy(call => (call.Trip.Line.Id, call.DestinationText))
                .SelectMany(group => group.Take(perLine))
                .Order(Comparer<EstimatedCall>.Create(Order(query)));
        }

        return [.. board.Take(Math.Min(query.NumberOfDepartures, maxCalls + 1))];
    }

    private EstimatedCall? Call(Trip trip, int position, DateOnly date, DateTimeOffset dayStart, DepartureQuery query, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var stops = Timetable.StopsOf(trip);
        var stop = stops[position];
        var boards = query.ArrivalDeparture switch
        {
            ArrivalDeparture.Departures => stop.ForBoarding,
            ArrivalDeparture.Arrivals => stop.ForAlighting,
            _ => true,
        };
        if (!boards)
        {
            return null;
        }

        var aimedSecond = query.ArrivalDeparture == ArrivalDeparture.Arrivals ? stop.ArrivalSecond : stop.DepartureSecond;
        var aimed = dayStart.AddSeconds(aimedSecond);
        if (aimed.AddSeconds(RealtimeModel.MaxDelaySeconds) < start || aimed.AddSeconds(-RealtimeModel.MaxEarlySeconds) >= end)
        {
            return null;
        }

        var state = realtime.StateOf(trip, date);
        if (state == TripState.Cancelled && !query.IncludeCancelledTrips)
        {
            return null;
        }

        var delay = state is TripState.Updated or TripState.Added ? realtime.DelaySeconds(trip, date, position) : 0;
        var aimedArrival = dayStart.AddSeconds(stop.ArrivalSecond);
        var aimedDeparture = dayStart.AddSeconds(stop.DepartureSecond);
        var expectedArrival = aimedArrival.AddSeconds(delay);
        var expectedDeparture = aimedDeparture.AddSeconds(delay);
        var expected = query.ArrivalDeparture == ArrivalDeparture.Arrivals ? expectedArrival : expectedDeparture;
        if (expected < start || expected >= end)
        {
            return null;
        }

        var recorded = state is TripState.Updated or TripState.Added;
        return new EstimatedCall(
            trip,
            timetable.Network.Quay(stop.QuayId),
            date,
            position,
            stop.ForBoarding,
            stop.ForAlighting,
            aimedArrival,
            aimedDeparture,
            expectedArrival,
            expectedDeparture,
            recorded && expectedArrival <= now ? expectedArrival : null,
            recorded && expectedDeparture <= now ? expectedDeparture : null,
            state,
            recorded && expectedDeparture > now && realtime.PredictionInaccurate(trip, date, position),
            timetable.Network.StopPlace(trip.Line.DestinationStopPlaceId(trip.Direction)).Name);
    }

    private static bool Wanted(TransitLine line, DepartureQuery query) =>
        (query.Modes is null || query.Modes.Contains(TransportModes.NameOf(line.Mode)))
        && (query.Lines is null || query.Lines.Contains(line.Id))
        && (query.Authorities is null || query.Authorities.Contains(line.Authority.Id));

    private static int PositionIn(TransitLine line, int direction, string stopPlaceId)
    {
        var index = 0;
        for (; index < line.Pattern.Count; index++)
        {
            if (line.Pattern[index].StopPlaceId == stopPlaceId)
            {
                break;
            }
        }

        return direction == 0 ? index : line.Pattern.Count - 1 - index;
    }

    private static DateTimeOffset SortTime(EstimatedCall call, DepartureQuery query) =>
        query.ArrivalDeparture == ArrivalDeparture.Arrivals ? call.ExpectedArrival : call.ExpectedDeparture;

    private static Comparison<EstimatedCall> Order(DepartureQuery query) => (a, b) =>
    {
        var byTime = SortTime(a, query).CompareTo(SortTime(b, query));
        if (byTime != 0) return byTime;
        var byAimed = a.AimedDeparture.CompareTo(b.AimedDeparture);
        return byAimed != 0 ? byAimed : string.CompareOrdinal(a.Trip.Id, b.Trip.Id);
    };
}
