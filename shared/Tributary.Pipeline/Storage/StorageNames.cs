namespace Tributary.Storage;

/// <summary>The containers, queues and tables of the pipeline, in one place.</summary>
public static class StorageNames
{
    public const string RawContainer = "raw";
    public const string QuarantineContainer = "quarantine";

    public const string CurateQueue = "curate";
    public const string AggregateQueue = "aggregate";

    /// <summary>Runs an admin asked for ("run a source now"), run by the function app's IngestNow.</summary>
    public const string IngestNowQueue = "ingest-now";

    public const string RunsTable = "runs";
    public const string RunHistoryTable = "runhistory";
    public const string ObservationsTable = "observations";
    public const string QualityTable = "quality";
    public const string KpisTable = "kpis";
    public const string CursorsTable = "cursors";
    public const string RateBudgetsTable = "ratebudgets";
    public const string DimensionsTable = "dimensions";
    public const string SchedulesTable = "schedules";
    public const string DriftTable = "drift";
    public const string ReplaysTable = "replays";
    public const string ReplayDaysTable = "replaydays";
    public const string MartExtentTable = "martextent";
    public const string ViewsTable = "views";
    public const string AlertsTable = "alerts";

    /// <summary>The app setting (or prefix, for identity-based connections) that names the storage account.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";
}
