namespace Tributary.Infra.Tests;

/// <summary>
/// The non-HTTP triggers the function app declares and the infrastructure has to serve: the queues the storage
/// module creates and the schedule settings the function app gets. The package tests check this list against the
/// functions.metadata that Worker.Sdk writes from the app's own attributes, and the template tests check it against
/// the compiled ARM template, so a trigger added to the app without its queue or setting fails one of them.
/// </summary>
internal static class FunctionAppTriggers
{
    /// <summary>Queue-triggered functions and their queues.</summary>
    public static readonly IReadOnlyDictionary<string, string> QueueFunctions = new Dictionary<string, string>
    {
        ["Curate"] = "curate",
        ["Aggregate"] = "aggregate",
        ["Backfill"] = "backfill",
        ["ReplayDay"] = "replay",
        ["DeliverAlert"] = "alerts-out",
        ["IngestNow"] = "ingest-now",
    };

    /// <summary>Timer-triggered functions; each reads its schedule from the app setting <c>&lt;Name&gt;Schedule</c>.</summary>
    public static readonly IReadOnlyList<string> Timers =
    [
        "IngestWeather", "IngestDepartures", "IngestPartnerDepartures", "IngestAirQuality", "IngestTimetable", "IngestScheduledSources",
        "EvaluateAlerts",
    ];

    public static string ScheduleSetting(string timer) => timer + "Schedule";
}
