using Tributary.Testing;

namespace Tributary.Tests.Functions;

/// <summary>
/// The worker's OpenTelemetry wiring, observed from outside: with the console exporter switched on, an ingest run's
/// span and the pipeline's counters come out of the real worker process (its stdout reaches the host's log).
/// </summary>
public sealed class TelemetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_ingest_run_emits_its_span_and_the_pipelines_metrics()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturedLogs();
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct, logs: logs,
            handlerSettings: new Dictionary<string, string?>
            {
                ["Tributary:Telemetry:Console"] = "true",
                // The SDK's periodic metric reader honours this; a second instead of a minute.
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            });

        var record = await app.FireTimerAsync("IngestWeather", new DateTimeOffset(DateTime.UtcNow.Date.AddHours(6), TimeSpan.Zero), ct);
        Assert.True(record.Succeeded, record.Error);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool Seen(string text) => logs.Lines.Any(l => l.Contains(text, StringComparison.Ordinal));
        while (!(Seen("tributary.pages.fetched") && Seen("tributary.rows.written")) && DateTime.UtcNow < deadline) await Task.Delay(200, ct);

        Assert.True(Seen("Activity.DisplayName:        ingest") || Seen("Activity.DisplayName: ingest"), "no 'ingest' span was exported");
        Assert.True(Seen("tributary.source: open-meteo"), "the span has no source tag");
        Assert.True(Seen("tributary.pages.fetched"), "no pages-fetched metric was exported");
        Assert.True(Seen("tributary.rows.written"), "no rows-written metric was exported");
    }
}
