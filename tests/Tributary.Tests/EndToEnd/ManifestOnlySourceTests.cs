using Azure.Data.Tables;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// A source added by a manifest alone (<c>sources/open-meteo-air-quality.json</c>, the README's worked example): the
/// scheduler timer runs it on its own schedule, its pages land, curate through its declared mapping into
/// observations in canonical units, and get quality rows, with no class of its own anywhere.
/// </summary>
public sealed class ManifestOnlySourceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Source = "open-meteo-air-quality";
    private static readonly string[] Cities = ["bergen", "oslo", "trondheim"];

    // 10:25:00 UTC is an occurrence of the manifest's Schedule "0 25 * * * *".
    private static readonly DateTimeOffset FirstTick = new(2026, 11, 22, 10, 25, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_scheduler_runs_it_on_its_schedule_and_its_pages_curate_into_observations_and_quality()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);

        // Never run before: due at once.
        var first = await app.FireTimerAsync("IngestScheduledSources", FirstTick, ct);
        Assert.True(first.Succeeded, first.Error);
        await app.Invocations.WaitForAsync(r => r.Count(x => x.FunctionName == "Curate" && x.Succeeded) >= Cities.Length,
            TimeSpan.FromSeconds(60), "the three pages to be curated");
        Assert.DoesNotContain(app.Invocations.Snapshot(), r => !r.Succeeded);

        var run = await app.Runs.GetAsync(Source, "20261122T1025Z", ct);
        Assert.NotNull(run);
        Assert.Equal(("Succeeded", 3), (run.Outcome, run.Pages));

        // 24 h of lookback, asked for as two whole UTC days: 48 hours per city, three pollutants each.
        var observations = app.Storage.Table(StorageNames.ObservationsTable);
        foreach (var city in Cities)
        {
            var rows = new List<TableEntity>();
            foreach (var day in new[] { "20261121", "20261122" })
            {
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"{city}|{day}"} and Source eq {Source}");
                await foreach (var row in observations.QueryAsync<TableEntity>(filter, cancellationToken: ct)) rows.Add(row);
            }
            var byMetric = rows.GroupBy(r => r.GetString("Metric")).ToDictionary(g => g.Key, g => g.ToList());
            Assert.Equal(["no2", "o3", "pm25"], byMetric.Keys.Order());
            Assert.All(byMetric.Values, series => Assert.Equal(48, series.Count));
            Assert.All(byMetric["pm25"], r => Assert.Equal("ug/m3", r.GetString("Unit")));
            Assert.All(byMetric["no2"].Concat(byMetric["o3"]), r => Assert.Equal("[ppm]", r.GetString("Unit")));
            Assert.All(rows, r => Assert.Equal($"city:{city}", r.GetString("LocationId")));
            Assert.All(rows, r => Assert.Equal(TimeSpan.Zero, r.GetDateTimeOffset("TimestampUtc")!.Value.Offset));
        }

        // Every landed page has its quality row.
        foreach (var city in Cities)
        {
            var page = await app.Quality.GetAsync(Source, $"{Source}/2026/11/22/20261122T1025Z/{city}.json", ct);
            Assert.NotNull(page);
            Assert.Equal(144, page.Observations);
        }

        // The next tick inside the same hour finds nothing due; the tick after 11:25 runs the 11:25 occurrence.
        var quiet = await app.FireTimerAsync("IngestScheduledSources", FirstTick.AddMinutes(1), ct);
        Assert.True(quiet.Succeeded, quiet.Error);
        var said = quiet.Response?.ReturnValue is { } value ? value.String is { Length: > 0 } s ? s : value.Json : null;
        Assert.Contains("no manifest source is due", said);
        var next = await app.FireTimerAsync("IngestScheduledSources", FirstTick.AddHours(1).AddMinutes(3), ct);
        Assert.True(next.Succeeded, next.Error);
        Assert.NotNull(await app.Runs.GetAsync(Source, "20261122T1125Z", ct));
    }

    [Fact]
    public void The_README_worked_example_is_the_shipped_manifest()
    {
        var readme = File.ReadAllText(RepoPaths.Combine("README.md"));
        const string begin = "<!-- worked-example: functions/Tributary.Functions/sources/open-meteo-air-quality.json -->";
        var start = readme.IndexOf(begin, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no worked-example marker");
        var fence = readme.IndexOf("```json", start, StringComparison.Ordinal) + "```json".Length;
        var example = readme[fence..readme.IndexOf("```", fence, StringComparison.Ordinal)];
        var shipped = File.ReadAllText(RepoPaths.Combine("functions", "Tributary.Functions", "sources", "open-meteo-air-quality.json"));
        Assert.True(JsonNodeEquals(example, shipped), "the README's worked example differs from sources/open-meteo-air-quality.json");
    }

    private static bool JsonNodeEquals(string a, string b) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(a), System.Text.Json.Nodes.JsonNode.Parse(b));
}
