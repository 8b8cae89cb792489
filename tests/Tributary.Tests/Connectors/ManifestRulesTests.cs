using Microsoft.Extensions.Configuration;
using Tributary.Configuration;
using Tributary.Sources.Connectors;
using Tributary.Sources.Manifests;

namespace Tributary.Tests.Connectors;

public sealed class ManifestRulesTests
{
    private static readonly DateTimeOffset Run = new(2026, 11, 22, 10, 5, 0, TimeSpan.Zero);

    [Fact]
    public void Templates_render_city_item_and_window_placeholders_in_UTC()
    {
        var scope = new TemplateScope(new City("oslo", "Oslo", 59.9139, 10.7522), new FanOutItem { Id = "NSR:StopPlace:58366", City = "oslo", Attributes = { ["radius"] = "500" } },
            Run.AddHours(-2), Run.AddHours(1), Run);
        Assert.Equal("lat=59.9139&lon=10.7522&stop=NSR:StopPlace:58366&r=500&from=2026-11-22T08:05:00Z&day=2026-11-22",
            scope.Render("lat={city.latitude}&lon={city.longitude}&stop={item.id}&r={item.radius}&from={window.start}&day={run.time:yyyy-MM-dd}"));
        Assert.Equal("{\"n\": {\"x\": 1}}", scope.Render("{\"n\": {\"x\": 1}}")); // JSON braces are not placeholders.
        Assert.Equal("10800", scope.Render("{window.seconds}"));
        var ex = Assert.Throws<InvalidOperationException>(() => scope.Render("{item.missing}"));
        Assert.Contains("{item.missing}", ex.Message);
    }

    [Fact]
    public void The_window_is_run_relative_or_resumes_from_the_watermark_within_the_lookback_bound()
    {
        var spec = new WindowSpec { LookbackHours = 24, AheadHours = 24, Incremental = true, OverlapHours = 2, MaxLookbackHours = 48 };
        var hour = new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal((hour.AddHours(-24), hour.AddHours(24)), SourceWindow.For(spec, Run, watermark: null));
        Assert.Equal((hour.AddHours(-5), hour.AddHours(24)), SourceWindow.For(spec, Run, watermark: hour.AddHours(-3)));
        Assert.Equal((hour.AddHours(-48), hour.AddHours(24)), SourceWindow.For(spec, Run, watermark: hour.AddDays(-30))); // bounded
    }

    [Fact]
    public void Resilience_budget_window_paging_and_template_values_are_checked_at_start_up_not_at_the_first_request()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:Numbers:Id"] = "numbers",
            ["Sources:Numbers:BaseUrl"] = "https://example.org",
            ["Sources:Numbers:Request:Path"] = "/v1/{city.id}",
            ["Sources:Numbers:Request:Query:from"] = "{window.start:yyyy-MM-dd}",
            ["Sources:Numbers:Request:Query:sensor"] = "{item.sensor}",
            ["Sources:Numbers:Request:Headers:Bad Header"] = "x",
            ["Sources:Numbers:Request:ContentType"] = "not a media type",
            ["Sources:Numbers:Request:Body"] = "{}",
            ["Sources:Numbers:Resilience:BreakFailureRatio"] = "1.5",
            ["Sources:Numbers:Resilience:BreakDurationSeconds"] = "0",
            ["Sources:Numbers:Resilience:BaseDelaySeconds"] = "-1",
            ["Sources:Numbers:Resilience:AttemptTimeoutSeconds"] = "900",
            ["Sources:Numbers:RateBudget:MaxWaitSeconds"] = "-5",
            ["Sources:Numbers:RateBudget:MoreWindows:0:Requests"] = "0",
            ["Sources:Numbers:Window:OverlapHours"] = "-1",
            ["Sources:Numbers:Paging:Kind"] = "PageNumber",
            ["Sources:Numbers:Paging:ItemsPath"] = "results",
            ["Sources:Numbers:Paging:PageSize"] = "0",
            ["Sources:Numbers:Paging:FirstPage"] = "7",
            ["Sources:Numbers:Schedule"] = "every minute",
        }).Build();
        var message = Assert.Throws<InvalidOperationException>(() => SourceManifests.Load(configuration)).Message;
        foreach (var expected in new[]
                 {
                     "Sources:Numbers:Resilience:BreakFailureRatio 1.5", "Sources:Numbers:Resilience:BreakDurationSeconds 0",
                     "Sources:Numbers:Resilience:BaseDelaySeconds -1", "Sources:Numbers:Resilience:AttemptTimeoutSeconds 900",
                     "Sources:Numbers:RateBudget:MaxWaitSeconds -5", "Sources:Numbers:RateBudget:MoreWindows:0:Requests 0",
                     "Sources:Numbers:Window:OverlapHours -1", "Sources:Numbers:Paging:PageSize 0", "Sources:Numbers:Paging:FirstPage 7",
                     "Sources:Numbers:Request:Path: placeholder {city.id} has no value for FanOut:Over None",
                     "Sources:Numbers:Request:Query:sensor: placeholder {item.sensor}", "Sources:Numbers:Request:Headers:Bad Header is not a valid header name",
                     "Sources:Numbers:Request:ContentType 'not a media type'", "Sources:Numbers:Request:Body is only sent by a POST request",
                     "Sources:Numbers:Schedule is not an NCRONTAB schedule",
                 })
        {
            Assert.Contains(expected, message);
        }
        Assert.DoesNotContain("{window.start:yyyy-MM-dd}", message);
    }

    [Fact]
    public void Invalid_manifests_stop_start_up_with_every_problem_naming_its_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:Broken:Id"] = "Broken Id",
            ["Sources:Broken:BaseUrl"] = "ftp://example.org",
            ["Sources:Broken:Request:Path"] = "v3/items",
            ["Sources:Broken:Request:Headers:X-API-Key"] = "literal-key",
            ["Sources:Broken:Auth:Kind"] = "OAuth2ClientCredentials",
            ["Sources:Broken:Paging:Kind"] = "PageNumber",
            ["Sources:Typo:Id"] = "typo",
            ["Sources:Typo:BaseUrl"] = "https://example.org",
            ["Sources:Typo:Request:Path"] = "/x",
            ["Sources:Typo:Pagingg:Kind"] = "Cursor",
        }).Build();
        var message = Assert.Throws<InvalidOperationException>(() => SourceManifests.Load(configuration)).Message;
        foreach (var expected in new[]
                 {
                     "Sources:Broken:Id 'Broken Id'", "Sources:Broken:BaseUrl", "Sources:Broken:Request:Path 'v3/items'",
                     "Sources:Broken:Request:Headers:X-API-Key looks like a credential", "Sources:Broken:Auth:TokenUrl", "Sources:Broken:Auth:ClientId",
                     "Sources:Broken:Paging:ItemsPath", "Sources:Typo:", "Pagingg",
                 })
        {
            Assert.Contains(expected, message);
        }
    }
}
