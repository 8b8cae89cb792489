namespace Tributary.Marts;

/// <summary>Reason codes of null KPI values (column <c>Reason</c>): stable, snake_case, part of the API.</summary>
public static class KpiReasons
{
    public const string NoDepartures = "no_departures";
    public const string NoRealtimeDepartures = "no_realtime_departures";
    public const string NoScheduledDepartures = "no_scheduled_departures";
    public const string MissingApparentTemperature = "missing_apparent_temperature";
    public const string MissingPm25 = "missing_pm25";

    /// <summary>For a KPI whose formula gave no value and no reason of its own.</summary>
    public const string MissingInput = "missing_input";
}
