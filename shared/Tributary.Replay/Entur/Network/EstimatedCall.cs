namespace Tributary.Replay.Entur.Network;

/// <summary>One trip's call at a quay on one service date, as the Journey Planner reports it.</summary>
internal sealed record EstimatedCall(
    Trip Trip,
    Quay Quay,
    DateOnly ServiceDate,
    int StopPositionInPattern,
    bool ForBoarding,
    bool ForAlighting,
    DateTimeOffset AimedArrival,
    DateTimeOffset AimedDeparture,
    DateTimeOffset ExpectedArrival,
    DateTimeOffset ExpectedDeparture,
    DateTimeOffset? ActualArrival,
    DateTimeOffset? ActualDeparture,
    TripState State,
    bool PredictionInaccurate,
    string DestinationText)
{
    public bool Realtime => State != TripState.Scheduled;

    public bool Cancellation => State == TripState.Cancelled;

    /// <summary>The Transmodel <c>RealtimeState</c> value (note the capital A of <c>Added</c>).</summary>
    public string RealtimeState => State switch
    {
        TripState.Scheduled => "scheduled",
        TripState.Updated => "updated",
        TripState.Cancelled => "canceled",
        TripState.Added => "Added",
        _ => throw new InvalidOperationException($"Unknown trip state {State}."),
    };
}
