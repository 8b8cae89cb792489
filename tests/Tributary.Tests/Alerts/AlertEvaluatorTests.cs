using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tributary.Alerts;
using Tributary.Curation;
using Tributary.Landing;
using Tributary.Marts;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.Alerts;

/// <summary>
/// The evaluator on Azurite under a fake clock: incidents open once, stay single while the condition lasts (however
/// often it is evaluated), resolve when it clears, and each event is queued for delivery exactly once.
/// </summary>
public sealed class AlertEvaluatorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_stale_source_opens_one_incident_dated_from_its_last_fresh_run_and_a_fresh_run_resolves_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(T0);
        await using var sp = await PipelineAsync(clock, new()
        {
            ["Alerts:Rules:0:Name"] = "weather-stale",
            ["Alerts:Rules:0:Kind"] = "SourceStale",
            ["Alerts:Rules:0:Source"] = "open-meteo",
            ["Alerts:Rules:0:MaxAgeMinutes"] = "60",
        }, ct);
        var evaluator = sp.GetRequiredService<AlertEvaluator>();
        var runs = sp.GetRequiredService<RunRecordStore>();
        await runs.SaveAsync(Run(T0, IngestionService.Succeeded, pages: 3), ct);
        // A failed run later on is not fresh.
        await runs.SaveAsync(Run(T0.AddMinutes(30), IngestionService.Failed, pages: 0), ct);

        await evaluator.OnTimerAsync(T0.AddMinutes(50), ct);
        Assert.Empty(await RowsAsync(sp, ct));

        clock.SetUtcNow(T0.AddHours(2));
        await evaluator.OnTimerAsync(T0.AddHours(2), ct);
        var rows = await RowsAsync(sp, ct);
        Assert.Equal(2, rows.Count); // the incident and its open marker
        var incident = rows.Single(r => !r.IsMarker);
        Assert.Equal(("weather-stale", "open-meteo", AlertEntity.Open, T0.AddHours(1)), (incident.Rule, incident.Subject, incident.State, incident.IncidentStartUtc));
        Assert.Contains("the last was at 2026-11-21T06:00Z", incident.Detail);
        Assert.Equal(T0.AddHours(2), incident.OpenedUtc);
        Assert.NotNull(incident.OpenQueuedUtc);
        Assert.Equal([AlertDeliveryMessage.Opened], await EventsAsync(sp, ct));

        // Still stale five and ten minutes later: the same incident, untouched, nothing queued again.
        var before = await TableSnapshot.TakeAsync(azurite.Storage(), StorageNames.AlertsTable);
        for (var i = 1; i <= 2; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(5));
            await evaluator.OnTimerAsync(clock.GetUtcNow(), ct);
        }
        Assert.Equal(before, await TableSnapshot.TakeAsync(azurite.Storage(), StorageNames.AlertsTable));
        Assert.Equal([AlertDeliveryMessage.Opened], await EventsAsync(sp, ct));

        // A fresh run resolves it; the resolution is queued once, and the next timer finds nothing stale.
        clock.Advance(TimeSpan.FromMinutes(5));
        var fresh = Run(clock.GetUtcNow(), IngestionService.Succeeded, pages: 3);
        await runs.SaveAsync(fresh, ct);
        await evaluator.AfterRunAsync(fresh, ct);
        rows = await RowsAsync(sp, ct);
        var resolved = Assert.Single(rows);
        Assert.Equal((AlertEntity.Resolved, clock.GetUtcNow()), (resolved.State, resolved.ResolvedUtc));
        Assert.NotNull(resolved.ResolveQueuedUtc);
        await evaluator.AfterRunAsync(fresh, ct);
        await evaluator.OnTimerAsync(clock.GetUtcNow().AddMinutes(5), ct);
        Assert.Single(await RowsAsync(sp, ct));
        Assert.Equal([AlertDeliveryMessage.Opened, AlertDeliveryMessage.ResolvedEvent], await EventsAsync(sp, ct));
    }

    [Fact]
    public async Task A_kpi_threshold_opens_at_the_start_of_its_streak_ignores_older_days_and_resolves_when_newer_data_clears()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(T0);
        await using var sp = await PipelineAsync(clock, new()
        {
            ["Alerts:Rules:0:Name"] = "oslo-aqi",
            ["Alerts:Rules:0:Kind"] = "KpiThreshold",
            ["Alerts:Rules:0:Kpi"] = "pm25_aqi",
            ["Alerts:Rules:0:City"] = "oslo",
            ["Alerts:Rules:0:Above"] = "100",
            ["Alerts:Rules:0:Consecutive"] = "3",
        }, ct);
        var evaluator = sp.GetRequiredService<AlertEvaluator>();
        var day = DateOnly.FromDateTime(T0.UtcDateTime);
        var message = new AggregateMessage("oslo", [day]) { Metrics = ["pm25"] };
        // Hours 0-9: 50, then 120 from 10:00 to 13:00 (four hours) with a missing value at 14:00 and 130 at 15:00.
        double?[] values = [50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 120, 120, 120, 120, null, 130];
        await WriteAqiAsync(sp, day, values, ct);
        await evaluator.AfterAggregateAsync(message, ct);
        // Only the streak at the newest value counts, and a missing hour is a gap: 15:00 alone is one bucket.
        Assert.Empty(await RowsAsync(sp, ct));

        values = [.. values, 140, 150];
        await WriteAqiAsync(sp, day, values, ct);
        await evaluator.AfterAggregateAsync(message, ct);
        var incident = Assert.Single(await RowsAsync(sp, ct), r => !r.IsMarker);
        Assert.Equal(("oslo", T0.Date.AddHours(15)), (incident.Subject, incident.IncidentStartUtc.UtcDateTime));
        Assert.Contains("pm25_aqi (oslo, hour) above 100 for 3 consecutive bucket(s)", incident.Detail);

        // The same aggregation again, and an older day's (which holds nothing newer): no change at all.
        var before = await TableSnapshot.TakeAsync(azurite.Storage(), StorageNames.AlertsTable);
        await evaluator.AfterAggregateAsync(message, ct);
        await evaluator.AfterAggregateAsync(message with { Days = [day.AddDays(-3)] }, ct);
        Assert.Equal(before, await TableSnapshot.TakeAsync(azurite.Storage(), StorageNames.AlertsTable));

        // A newer hour back under the threshold resolves it; the same streak seen again later is not a new incident.
        await WriteAqiAsync(sp, day, [.. values, 60], ct);
        await evaluator.AfterAggregateAsync(message, ct);
        Assert.Equal(AlertEntity.Resolved, Assert.Single(await RowsAsync(sp, ct)).State);
        await WriteAqiAsync(sp, day, values, ct);
        await evaluator.AfterAggregateAsync(message, ct);
        Assert.Equal(AlertEntity.Resolved, Assert.Single(await RowsAsync(sp, ct)).State);
        Assert.Equal([AlertDeliveryMessage.Opened, AlertDeliveryMessage.ResolvedEvent], await EventsAsync(sp, ct));
    }

    [Fact]
    public void Rules_are_validated_at_start_up_naming_the_setting()
    {
        var problems = Assert.Throws<OptionsValidationException>(() =>
        {
            using var sp = Services(new FakeTimeProvider(T0), new()
            {
                ["Alerts:WebhookUrl"] = "ftp://example.org/hook",
                ["Alerts:Rules:0:Name"] = "Bad Name",
                ["Alerts:Rules:0:Kind"] = "KpiThreshold",
                ["Alerts:Rules:0:Kpi"] = "no_such_kpi",
                ["Alerts:Rules:0:Grain"] = "week",
                ["Alerts:Rules:0:Consecutive"] = "0",
                ["Alerts:Rules:1:Name"] = "stale",
                ["Alerts:Rules:1:Kind"] = "SourceStale",
                ["Alerts:Rules:1:Source"] = "nowhere",
            });
            _ = sp.GetRequiredService<IOptions<AlertsOptions>>().Value;
        }).Failures.ToList();
        Assert.Contains("Alerts:WebhookUrl must be an absolute http or https URL.", problems);
        Assert.Contains(problems, p => p.StartsWith("Alerts:Rules:0:Name 'Bad Name'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Alerts:Rules:0:Kpi 'no_such_kpi' is not a KPI", StringComparison.Ordinal));
        Assert.Contains("Alerts:Rules:0:Grain 'week' must be 'hour' or 'day'.", problems);
        Assert.Contains("Alerts:Rules:0:Above/Below: give exactly one threshold.", problems);
        Assert.Contains("Alerts:Rules:0:Consecutive 0 must be from 1 to 168.", problems);
        Assert.Contains(problems, p => p.StartsWith("Alerts:Rules:1:Source 'nowhere' is not a source", StringComparison.Ordinal));
        Assert.Contains("Alerts:Rules:1:MaxAgeMinutes must be given, from 5 to 44640 (31 days).", problems);
    }

    private static RunRecord Run(DateTimeOffset at, string outcome, int pages) =>
        new("open-meteo", RunIds.For(at), at, at, 1000, pages, pages * 100, outcome, outcome == IngestionService.Failed ? "the vendor answered 503" : null);

    /// <summary>Hourly city rows of pm25_aqi from midnight, as the aggregate stage would write them (a null value is a missing input).</summary>
    private static async Task WriteAqiAsync(ServiceProvider sp, DateOnly day, double?[] values, CancellationToken ct)
    {
        var table = sp.GetRequiredService<StorageAccount>().Table(StorageNames.KpisTable);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var rows = values.Select((v, h) => new KpiEntity
        {
            PartitionKey = KpiKeys.Partition("pm25_aqi", "oslo", day),
            RowKey = KpiKeys.Row(KpiGrain.Hour, KpiKeys.CityArea, start.AddHours(h)),
            Kpi = "pm25_aqi", Grain = "hour", City = "oslo", BucketStartUtc = start.AddHours(h), BucketSeconds = 3600,
            Value = v, Unit = "1", Reason = v is null ? "missing_pm25" : null, Inputs = v is null ? 0 : 2,
        }).ToList();
        await foreach (var old in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {rows[0].PartitionKey}"), cancellationToken: ct))
        {
            await table.DeleteEntityAsync(old.PartitionKey, old.RowKey, cancellationToken: ct);
        }
        await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct);
    }

    private async Task<List<AlertEntity>> RowsAsync(ServiceProvider sp, CancellationToken ct)
    {
        var rows = new List<AlertEntity>();
        await foreach (var row in sp.GetRequiredService<AlertStore>().Table.QueryAsync<AlertEntity>(cancellationToken: ct)) rows.Add(row);
        return rows;
    }

    /// <summary>The events queued on alerts-out so far, in order (peeked, so they stay).</summary>
    private static async Task<List<string>> EventsAsync(ServiceProvider sp, CancellationToken ct)
    {
        var messages = await sp.GetRequiredService<StorageAccount>().Queue(AlertOutbox.QueueName).PeekMessagesAsync(32, ct);
        return [.. messages.Value.Select(m => System.Text.Json.JsonSerializer.Deserialize<AlertDeliveryMessage>(m.Body.ToString())!.Event)];
    }

    private async Task<ServiceProvider> PipelineAsync(TimeProvider clock, Dictionary<string, string?> settings, CancellationToken ct)
    {
        var sp = Services(clock, settings);
        _ = sp.GetRequiredService<IOptions<AlertsOptions>>().Value;
        foreach (var hosted in sp.GetServices<IHostedService>().OfType<StorageInitializer>()) await hosted.StartAsync(ct);
        // The class shares one Azurite: each test starts from empty alert rows, queue, runs and KPIs.
        var storage = sp.GetRequiredService<StorageAccount>();
        foreach (var name in new[] { StorageNames.AlertsTable, StorageNames.RunsTable, StorageNames.KpisTable })
        {
            var table = storage.Table(name);
            await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: ct)) await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: ct);
        }
        await storage.Queue(AlertOutbox.QueueName).ClearMessagesAsync(ct);
        return sp;
    }

    private ServiceProvider Services(TimeProvider clock, Dictionary<string, string?> settings)
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in Directory.GetFiles(RepoPaths.Combine("functions", "Tributary.Functions", "sources"), "*.json").Order(StringComparer.Ordinal))
        {
            builder.AddJsonFile(file);
        }
        builder.AddInMemoryCollection([
            new(StorageNames.ConnectionSetting, azurite.ConnectionString),
            .. PipelineHarness.Schedules.Select(s => new KeyValuePair<string, string?>(s, PipelineHarness.NeverDuringTests)),
            .. settings,
        ]);
        var configuration = builder.Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton(clock);
        services.AddTributaryPipeline(configuration);
        return services.BuildServiceProvider();
    }
}
