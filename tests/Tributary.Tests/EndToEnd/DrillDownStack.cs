using Microsoft.Extensions.Time.Testing;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// One stack for <see cref="DrillDownAndStatusTests"/> (starting it costs seconds): Azurite, the local host with the
/// real worker and the replay server, and four scheduled weather runs curated and aggregated. The runs are yesterday
/// at 06:05, 07:05 and 08:05 UTC and the day before at 06:05, so they always fall within the last 7 UTC days the
/// status reports on, whatever the time of day. Raw payloads are limited to 1 MiB here, so the limit can be hit.
/// </summary>
public sealed class DrillDownStack : IAsyncLifetime
{
    public const long MaxRawBytes = 1024 * 1024;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    public AzuriteProcess Azurite { get; private set; } = null!;

    public PipelineHarness App { get; private set; } = null!;

    /// <summary>The weather runs, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> WeatherRuns { get; }

    public DateOnly Yesterday { get; }

    public DrillDownStack()
    {
        var yesterday = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero);
        Yesterday = DateOnly.FromDateTime(yesterday.UtcDateTime);
        WeatherRuns = [yesterday.AddDays(-1).AddHours(6).AddMinutes(5), yesterday.AddHours(6).AddMinutes(5), yesterday.AddHours(7).AddMinutes(5), yesterday.AddHours(8).AddMinutes(5)];
    }

    public async ValueTask InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        App = await PipelineHarness.StartAsync(Azurite.ConnectionString, runTimersOnStartup: false,
            handlerSettings: new Dictionary<string, string?> { ["Tributary:Raw:MaxBytes"] = MaxRawBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            replayTime: new FakeTimeProvider(WeatherRuns[^1]));
        foreach (var run in WeatherRuns)
        {
            var fired = await App.FireTimerAsync("IngestWeather", run);
            if (!fired.Succeeded) throw new InvalidOperationException($"IngestWeather at {run:O} failed: {fired.Error}");
        }
        var pages = WeatherRuns.Count * 3;
        await App.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Curate" && x.Succeeded) >= pages &&
                                                r.Count(x => x.FunctionName == "Aggregate" && x.Succeeded) >= pages,
            Deadline, "the weather runs to be curated and aggregated");
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (Azurite is not null) await Azurite.DisposeAsync();
    }
}
