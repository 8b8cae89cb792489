using System.Globalization;
using Tributary.Replay.Determinism;

namespace Tributary.Replay.Entur.Network;

/// <summary>What real time says about one trip on one service date.</summary>
internal enum TripState
{
    /// <summary>No real-time data: <c>realtime:false</c>, expected equals aimed.</summary>
    Scheduled,

    /// <summary>Predicted (and, once passed, recorded) times.</summary>
    Updated,

    /// <summary>Cancelled: <c>cancellation:true</c>, <c>realtimeState:"canceled"</c>.</summary>
    Cancelled,

    /// <summary>An extra journey known only in real time: <c>realtimeState:"Added"</c>.</summary>
    Added,
}

/// <summary>
/// Real-time deviations as a pure function of (seed, service journey, service date, stop position), never of when or
/// how the question is asked, so overlapping windows agree. About 3 % of trips are cancelled, 10 % have no real-time
/// data; the rest run mostly 0-5 minutes late, some 30-60 s early and some 5-30 minutes late. Up to two extra trips a
/// day are added per day line.
/// </summary>
internal sealed class RealtimeModel(int seed)
{
    /// <summary>The earliest a call can be expected before its aimed time.</summary>
    public const int MaxEarlySeconds = 60;

    /// <summary>The latest a call can be expected after its aimed time.</summary>
    public const int MaxDelaySeconds = 1800;

    public TripState StateOf(Trip trip, DateOnly serviceDate) => trip.IsExtra ? TripState.Added : Unit(Stream.TripState, trip.Id, serviceDate.DayNumber) switch
    {
        < 0.03 => TripState.Cancelled,
        < 0.13 => TripState.Scheduled,
        _ => TripState.Updated,
    };

    /// <summary>Expected minus aimed, in whole seconds, at <paramref name="position"/>. A trip keeps one character (early, on time-ish, late) along the way.</summary>
    public int DelaySeconds(Trip trip, DateOnly serviceDate, int position)
    {
        var character = Unit(Stream.DelayCharacter, trip.Id, serviceDate.DayNumber);
        var size = Unit(Stream.DelaySize, trip.Id, serviceDate.DayNumber);
        var drift = (2 * Unit(Stream.DelayDrift, trip.Id, (serviceDate.DayNumber * 64L) + position)) - 1;
        return character switch
        {
            < 0.08 => -(30 + (int)Math.Round(30 * Math.Clamp((size * 0.7) + (0.3 * Math.Abs(drift)), 0, 1))),
            < 0.15 => Math.Clamp((int)Math.Round(300 + (1200 * size) + (60 * position * drift)), 300, MaxDelaySeconds),
            // Mostly small: a quarter of trips within 30 s, the rest spread up to five minutes.
            _ => Math.Clamp((int)Math.Round((300 * size * size) + (15 * position * drift)), 0, 300),
        };
    }

    public bool PredictionInaccurate(Trip trip, DateOnly serviceDate, int position) =>
        Unit(Stream.Inaccurate, trip.Id, (serviceDate.DayNumber * 64L) + position) < 0.04;

    /// <summary>Zero to two extra journeys of <paramref name="line"/> on the date, leaving between 07:00 and 19:00.</summary>
    public IEnumerable<Trip> ExtraTrips(TransitLine line, DateOnly serviceDate)
    {
        var draw = Unit(Stream.ExtraCount, line.Id, serviceDate.DayNumber);
        var count = line.Plan.IsNightLine || draw < 0.6 ? 0 : draw < 0.9 ? 1 : 2;
        for (var number = 1; number <= count; number++)
        {
            var position = (serviceDate.DayNumber * 8L) + number;
            var minute = 420 + (5 * (int)(Unit(Stream.ExtraTime, line.Id, position) * 144));
            var id = string.Create(CultureInfo.InvariantCulture, $"{line.Authority.Codespace}:ServiceJourney:{line.PublicCode}-ekstra-{serviceDate:yyyyMMdd}-{number}");
            yield return new Trip(id, line, Unit(Stream.ExtraDirection, line.Id, position) < 0.5 ? 0 : 1, minute * 60, IsExtra: true);
        }
    }

    private double Unit(Stream stream, string key, long position) => SeededNoise.Unit(SeededNoise.Hash(seed, (long)stream, StableHash.Of(key), position));

    // Stream numbers are part of the generated data: never renumber them.
    private enum Stream
    {
        TripState = 101,
        DelayCharacter,
        DelaySize,
        DelayDrift,
        Inaccurate,
        ExtraCount,
        ExtraTime,
        ExtraDirection,
    }
}
