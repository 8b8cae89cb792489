using Tributary.Functions.Invocation;
using Tributary.Landing;
using Tributary.Sources;
using Tributary.Sources.OpenMeteo;

namespace Tributary.Functions.IngestWeather;

/// <summary>Timer: pulls Open-Meteo hourly weather for every city into raw blobs and queues them for curation.</summary>
public static class IngestWeatherFunction
{
    public const string Name = "IngestWeather";

    public static async Task<InvocationResult> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        // The run id comes from the host's invocation time, so replaying the same invocation is the same run.
        var utcNow = request.UtcNow;
        var runTime = new DateTimeOffset(utcNow.Ticks - utcNow.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var connector = services.GetRequiredService<SourceRegistry>().Connector(OpenMeteoMapper.Id);
        var record = await services.GetRequiredService<IngestionService>().IngestAsync(connector, runTime, cancellationToken);
        return InvocationResult.Success(
            $"{record.Source} run {record.RunId}: {record.Pages} page(s), {record.Bytes} bytes{(request.TimerIsPastDue("timer") ? " (past due)" : "")}");
    }
}
