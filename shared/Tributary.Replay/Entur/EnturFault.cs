namespace Tributary.Replay.Entur;

/// <summary>Failure the Entur replay imitates instead of answering normally. The token endpoint is never faulted.</summary>
internal enum EnturFault
{
    None,

    /// <summary>Journey Planner: HTTP 500, classification <c>InternalServerError</c>. GTFS: HTTP 500 with the storage service's XML error.</summary>
    ServerError,

    /// <summary>Journey Planner: HTTP 422, classification <c>ApiProcessingTimeout</c> (the server gave up on the query).</summary>
    Timeout422,

    /// <summary>Journey Planner: HTTP 200 whose JSON body is cut off half-way.</summary>
    MalformedJson,

    /// <summary>Journey Planner: HTTP 200 with <c>expectedDepartureTime</c> renamed <c>expectedDeparture</c> (a schema change).</summary>
    SchemaDrift,

    /// <summary>Journey Planner and GTFS: the normal answer, held back <c>Replay:Entur:SlowResponseSeconds</c> by the replay clock.</summary>
    Slow,

    /// <summary>GTFS: HTTP 200 with only the first half of the ZIP (no central directory).</summary>
    TruncatedZip,
}
