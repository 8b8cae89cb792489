using Microsoft.Azure.Functions.Worker;
using Tributary.Sources.Entur;
using Tributary.Sources.Gtfs;
using Tributary.Sources.OpenAq;

namespace Tributary.Functions.Ingest;

/// <summary>
/// One timer function per source, each with its own schedule setting, all on the shared <see cref="SourceIngestion"/>
/// adapter. The README maps function, schedule setting, manifest section and source id.
/// </summary>
public sealed class IngestFunctions(SourceIngestion ingestion)
{
    /// <summary>The manifest <c>sources/open-meteo.json</c>: a declared source, with no mapper class to name its id.</summary>
    private const string OpenMeteo = "open-meteo";

    /// <summary>The sources these functions run; the scheduler timer runs every other enabled source.</summary>
    public static IReadOnlySet<string> Sources { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        OpenMeteo, JourneyPlannerMapper.OpenId, JourneyPlannerMapper.PartnerId, OpenAqHoursMapper.Id, GtfsFeedMapper.Id,
    };

    [Function("IngestWeather")]
    public Task<string> IngestWeatherAsync([TimerTrigger("%IngestWeatherSchedule%")] TimerInfo timer, FunctionContext context) =>
        ingestion.RunAsync(OpenMeteo, timer, context);

    [Function("IngestDepartures")]
    public Task<string> IngestDeparturesAsync([TimerTrigger("%IngestDeparturesSchedule%")] TimerInfo timer, FunctionContext context) =>
        ingestion.RunAsync(JourneyPlannerMapper.OpenId, timer, context);

    [Function("IngestPartnerDepartures")]
    public Task<string> IngestPartnerDeparturesAsync([TimerTrigger("%IngestPartnerDeparturesSchedule%")] TimerInfo timer, FunctionContext context) =>
        ingestion.RunAsync(JourneyPlannerMapper.PartnerId, timer, context);

    [Function("IngestAirQuality")]
    public Task<string> IngestAirQualityAsync([TimerTrigger("%IngestAirQualitySchedule%")] TimerInfo timer, FunctionContext context) =>
        ingestion.RunAsync(OpenAqHoursMapper.Id, timer, context);

    [Function("IngestTimetable")]
    public Task<string> IngestTimetableAsync([TimerTrigger("%IngestTimetableSchedule%")] TimerInfo timer, FunctionContext context) =>
        ingestion.RunAsync(GtfsFeedMapper.Id, timer, context);
}
