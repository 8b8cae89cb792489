using Microsoft.Azure.Functions.Worker;
using Tributary.Sources.Entur;
using Tributary.Sources.Gtfs;
using Tributary.Sources.OpenAq;
using Tributary.Sources.OpenMeteo;

namespace Tributary.Functions.Ingest;

/// <summary>
/// One timer function per source, each with its own schedule setting, all on the shared <see cref="SourceIngestion"/>
/// adapter. The README maps function, schedule setting, manifest section and source id.
/// </summary>
public sealed class IngestFunctions(SourceIngestion ingestion)
{
    [Function("IngestWeather")]
    public Task<string> IngestWeatherAsync([TimerTrigger("%IngestWeatherSchedule%")] TimerInfo timer, FunctionContext context) =>
        ingestion.RunAsync(OpenMeteoMapper.Id, timer, context);

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
