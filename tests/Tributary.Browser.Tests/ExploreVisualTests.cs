using Microsoft.Playwright;
using Tributary.Browser.Tests.Visual;

namespace Tributary.Browser.Tests;

/// <summary>
/// Explore's layout against committed baselines: desktop in both themes and a phone. The replayed data follows the
/// clock, so the chart, the dates in the caption and the date inputs, and the header's update time are masked;
/// the controls, labels and the page's structure are compared.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ExploreVisualTests(DashboardStack stack)
{
    private const string Hash = "#/explore?kpi=thermal_comfort,on_time_performance&city=oslo,bergen&grain=hour&range=last-48h";

    [Theory]
    [Trait("Category", VisualBaseline.Category)]
    [InlineData("light", 1280, 800, "explore-desktop-light")]
    [InlineData("dark", 1280, 800, "explore-desktop-dark")]
    [InlineData("light", 390, 844, "explore-phone-light")]
    public async Task Explore_looks_as_committed(string theme, int width, int height, string baseline)
    {
        await using var tab = await stack.OpenAsync(Hash, width, height, colorScheme: theme, reducedMotion: true);
        var chart = new ExploreChart(tab);
        await chart.WaitReadyAsync();
        var page = tab.Page;
        Assert.Equal(theme, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        // The system font stack renders once fonts are ready; compare after that.
        await page.EvaluateAsync("() => document.fonts.ready");
        await VisualBaseline.AssertMatchesAsync(page, baseline, masks:
        [
            page.Locator("#explore-chart"),
            page.Locator(".chart-caption p"),
            page.Locator("#explore-from"),
            page.Locator("#explore-to"),
            page.Locator("#live-status"),
        ]);
        tab.AssertNoConsoleErrors();
    }
}
