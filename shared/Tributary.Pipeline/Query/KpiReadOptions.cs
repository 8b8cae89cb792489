namespace Tributary.Query;

/// <summary>Limits and cache lifetimes of the v1 read API, bound from section <c>Tributary:Reads</c>.</summary>
public sealed class KpiReadOptions
{
    public const string SectionName = "Tributary:Reads";

    /// <summary>The most series points the mart cache holds (the sum over its entries), about 150 bytes each.</summary>
    public int MaxCachedPoints { get; set; } = 200_000;

    /// <summary>
    /// How long a cached day partition of today (or later) is served before it is read again. The aggregate stage of
    /// this process evicts what it rewrites at once; this bounds how stale another instance's rewrite can look.
    /// </summary>
    public int TodayTtlSeconds { get; set; } = 30;

    /// <summary>The same for past days, which change only when late data, a replay or a backfill rewrites them.</summary>
    public int PastTtlSeconds { get; set; } = 300;

    /// <summary>How long the stop places read from the <c>stop</c> dimension are kept (the timetable changes daily at most).</summary>
    public int StopPlacesTtlSeconds { get; set; } = 300;

    /// <summary>The most stop places the catalog lists (and the reads accept); the dimension rows read are bounded too.</summary>
    public int MaxStopPlaces { get; set; } = 5_000;

    /// <summary>The most <c>stop</c> dimension rows (quays and stop places) read to find the stop places.</summary>
    public int MaxStopRows { get; set; } = 100_000;
}
