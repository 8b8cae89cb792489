namespace Tributary.Replay.Entur.Network;

/// <summary>One trip's departure from a quay on one service date, as the Journey Planner's <c>EstimatedCall</c> reports it.</summary>
internal sealed record EstimatedCall(Trip ServiceJourney, Quay Quay, DateOnly Date, DateTimeOffset AimedDepartureTime, DateTimeOffset ExpectedDepartureTime,
    DateTimeOffset? ActualDepartureTime, TripState State, bool PredictionInaccurate)
{
    public bool Realtime => State != TripState.Scheduled;

    public bool Cancellation => State == TripState.Cancelled;

    /// <summary>The Transmodel <c>RealtimeState</c> value (note the capital A of <c>Added</c>).</summary>
    public string RealtimeState => State switch
    {
        TripState.Scheduled => "scheduled",
        TripState.Updated => "updated",
        TripState.Cancelled => "canceled",
        _ => "Added",
    };
}

/// <summary>
/// A stop place's departure board: every call (planned and extra trips) whose expected departure falls in
/// <c>[start, start + range)</c>, ordered by expected time, cut to <paramref name="count"/>. A call's ids, aimed and
/// expected times depend only on the seed, the trip, the date and the stop; the replay clock only decides which
/// calls already have actual times.
/// </summary>
internal sealed class DepartureBoard(EnturNetwork network, RealtimeModel realtime)
{
    public IReadOnlyList<EstimatedCall> Departures(StopPlace stopPlace, DateTimeOffset start, int rangeSeconds, int count, bool includeCancelled, DateTimeOffset now)
    {
        var end = start.AddSeconds(rangeSeconds);
        List<EstimatedCall> found = [];
        // A service day's calls lie within 30 hours of its start (night trips run past midnight, delays add up to 30 minutes).
        for (var date = OsloTime.DateOf(start.AddHours(-30)); date <= OsloTime.DateOf(end); date = date.AddDays(1))
        {
            var dayStart = OsloTime.ServiceDayStart(date);
            foreach (var line in network.LinesAt(stopPlace.Id))
            {
                var trips = Enumerable.Range(0, 2).SelectMany(direction => Timetable.TripsOf(line, Timetable.DayTypeOf(date), direction)).Concat(realtime.ExtraTrips(line, date));
                foreach (var trip in trips)
                {
                    var stop = Timetable.StopsOf(trip).First(s => s.StopPlaceId == stopPlace.Id);
                    if (stop.ForBoarding && Call(trip, stop, date, dayStart, now) is { } call && call.ExpectedDepartureTime >= start && call.ExpectedDepartureTime < end
                        && (includeCancelled || !call.Cancellation))
                    {
                        found.Add(call);
                    }
                }
            }
        }

        return [.. found.OrderBy(call => call.ExpectedDepartureTime).ThenBy(call => call.AimedDepartureTime).ThenBy(call => call.ServiceJourney.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, count))];
    }

    private EstimatedCall Call(Trip trip, TripStop stop, DateOnly date, DateTimeOffset dayStart, DateTimeOffset now)
    {
        var state = realtime.StateOf(trip, date);
        var recorded = state is TripState.Updated or TripState.Added;
        var aimed = dayStart.AddSeconds(stop.DepartureSecond);
        var expected = aimed.AddSeconds(recorded ? realtime.DelaySeconds(trip, date, stop.Position) : 0);
        var quay = network.StopPlace(stop.StopPlaceId).Quays.First(q => q.Id == stop.QuayId);
        return new EstimatedCall(trip, quay, date, aimed, expected, recorded && expected <= now ? expected : null, state,
            recorded && expected > now && realtime.PredictionInaccurate(trip, date, stop.Position));
    }
}
