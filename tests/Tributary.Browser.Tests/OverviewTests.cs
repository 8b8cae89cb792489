using System.Text.Json;

namespace Tributary.Browser.Tests;

/// <summary>The overview against the real stack: a card per catalog KPI, each showing what the API says.</summary>
[Collection(DashboardCollection.Name)]
public sealed class OverviewTests(DashboardStack stack)
{
    [Fact]
    public async Task Shows_a_card_per_kpi_with_a_drawn_sparkline_and_an_explore_link()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = stack.App.Client();
        using var catalog = JsonDocument.Parse(await http.GetStringAsync("api/v1/catalog", ct));
        var kpis = catalog.RootElement.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("id").GetString()!).ToList();

        await using var tab = await stack.OpenAsync("#/overview");
        await tab.WaitForPageAsync("overview");
        var cards = tab.Page.Locator("article.kpi-card");
        Assert.Equal(kpis.Count, await cards.CountAsync());
        foreach (var kpi in kpis) Assert.Equal(1, await tab.Page.Locator($"article.kpi-card[data-kpi='{kpi}']").CountAsync());

        var comfort = tab.Page.Locator("article.kpi-card[data-kpi='thermal_comfort']");
        Assert.Equal("ready", await comfort.GetAttributeAsync("data-state"));
        var path = await comfort.Locator("svg path").GetAttributeAsync("d") ?? "";
        Assert.True(path.Count(c => c == 'L') > 10, $"the sparkline has too few points: {path}");
        Assert.Contains("#/explore?kpi=thermal_comfort", await comfort.Locator("h2 a").GetAttributeAsync("href"));
        await tab.KeepScreenshotAsync("overview");
        tab.AssertNoConsoleErrors();
    }
}
