using Microsoft.Extensions.Logging;
using Tributary.Quality;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.Quality;

/// <summary>The quality and drift tables on a real Azurite: pages, their day, replays, the volume norm, drift once.</summary>
public sealed class QualityStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static PageQuality Page(string source, string day, string name, int observations, int rejected = 0, string? error = null) =>
        new(source, "run", $"{source}/{day}/20261122T1025Z/{name}.json", observations, 0, 0, rejected, null, error)
        {
            Figures = error is not null ? null : new QualityFigures(observations, observations + rejected, observations, rejected, 0, observations, 0, 0, 0,
                null, 3600, null, Math.Round((double)observations / (observations + rejected), 4), 1, 1, 1, 1, null),
        };

    private async Task<StorageAccount> StorageAsync()
    {
        var storage = azurite.Storage();
        await storage.Table(StorageNames.QualityTable).CreateIfNotExistsAsync();
        await storage.Table(StorageNames.DriftTable).CreateIfNotExistsAsync();
        return storage;
    }

    [Fact]
    public async Task A_day_row_sums_its_pages_and_a_replayed_or_corrected_page_moves_it_by_exactly_the_change()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = await StorageAsync();
        var store = new QualityStore(storage);
        await store.SaveAsync(Page("q-sum", "2026/11/22", "oslo", 40, rejected: 8), ct);
        await store.SaveAsync(Page("q-sum", "2026/11/22", "bergen", 60), ct);
        await store.SaveAsync(Page("q-sum", "2026/11/22", "broken", 0, error: "not JSON"), ct);

        var day = Assert.Single(await store.DaysAsync("q-sum", new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 22), ct));
        Assert.Equal((3, 1, 100, 108, 8), (day.Pages, day.FailedPages, day.Observations, day.Expected, day.Rejected));
        Assert.Equal(Math.Round(100.0 / 108, 4), day.Completeness);
        Assert.Equal(3, (await store.PagesAsync("q-sum", new DateOnly(2026, 11, 22), ct)).Count);

        // The same page again: nothing is written, not even the day row.
        var before = await TableSnapshot.TakeAsync(storage, StorageNames.QualityTable);
        await store.SaveAsync(Page("q-sum", "2026/11/22", "oslo", 40, rejected: 8), ct);
        Assert.Equal(before, await TableSnapshot.TakeAsync(storage, StorageNames.QualityTable));

        // A re-curated page (say after a mapper fix) replaces its own share of the day, and only that.
        await store.SaveAsync(Page("q-sum", "2026/11/22", "oslo", 48), ct);
        day = Assert.Single(await store.DaysAsync("q-sum", new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 22), ct));
        Assert.Equal((3, 108, 108, 0, 1.0), (day.Pages, day.Observations, day.Expected, day.Rejected, day.Completeness!.Value));
    }

    [Fact]
    public async Task Volume_is_judged_against_the_previous_week_per_page()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new QualityStore(await StorageAsync());
        // Seven earlier days with 72 observations per page; the eighth day's page has 36.
        for (var d = 14; d <= 20; d++) await store.SaveAsync(Page("q-volume", $"2026/11/{d}", "oslo", 72), ct);
        await store.SaveAsync(Page("q-volume", "2026/11/21", "oslo", 36), ct);

        var page = await store.GetAsync("q-volume", "q-volume/2026/11/21/20261122T1025Z/oslo.json", ct);
        Assert.Equal((72.0, 0.5), (page!.Figures!.VolumeNorm!.Value, page.Figures.Volume!.Value));
        var days = await store.DaysAsync("q-volume", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), ct);
        Assert.Equal(8, days.Count);
        Assert.Null(days[0].Volume); // The first day has no history to compare with.
        Assert.Equal(0.5, days[^1].Volume);
    }

    [Fact]
    public async Task A_drift_change_is_recorded_and_logged_once_with_the_first_page_that_showed_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var drift = new DriftStore(await StorageAsync(), factory.CreateLogger<DriftStore>());
        DriftChange[] changes = [new("results[].value", DriftKind.Missing, "number|null", ""), new("results[].val/µ", DriftKind.Added, "", "number")];
        var first = new DateTimeOffset(2026, 11, 22, 10, 25, 0, TimeSpan.Zero);

        Assert.Equal(2, (await drift.RecordAsync("q-drift", "q-drift/a.json", first, changes, ct)).Count);
        Assert.Empty(await drift.RecordAsync("q-drift", "q-drift/b.json", first.AddHours(1), changes, ct));

        var events = await drift.ListAsync("q-drift", ct);
        Assert.Equal(["results[].val/µ", "results[].value"], events.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Equal(("q-drift/a.json", first), (e.ExampleBlob, e.FirstSeenUtc)));
        Assert.Equal(2, logs.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Schema drift in q-drift", StringComparison.Ordinal)));
    }
}
