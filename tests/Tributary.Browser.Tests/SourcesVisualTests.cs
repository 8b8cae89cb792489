using Microsoft.Playwright;
using Tributary.Browser.Tests.Visual;

namespace Tributary.Browser.Tests;

/// <summary>
/// The Sources list's layout against committed baselines, on a desktop and a phone. Ages, times, counts, scores and
/// the badges (health follows the runs; drift and alert badges follow what other tests sent) depend on the data and
/// the clock, so they are masked; the cards, headings, labels, descriptions and links are compared.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SourcesVisualTests(DashboardStack stack)
{
    [Theory]
    [Trait("Category", VisualBaseline.Category)]
    [InlineData(1280, 800, "sources-desktop")]
    [InlineData(390, 844, "sources-phone")]
    public async Task The_sources_list_looks_as_committed(int width, int height, string baseline)
    {
        await using var tab = await stack.OpenAsync("#/sources", width, height, reducedMotion: true);
        await tab.WaitForPageAsync("sources");
        var page = tab.Page;
        await page.EvaluateAsync("() => document.fonts.ready");
        await tab.AssertFitsScreenAsync("the sources page");
        await tab.KeepScreenshotAsync(baseline + "-unmasked");
        await VisualBaseline.AssertMatchesAsync(page, baseline, masks:
        [
            page.Locator("#page-root [data-volatile]"),
            page.Locator("#page-root .badges"),
            page.Locator("#live-status"),
        ]);
        tab.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_source_with_its_admin_actions_fits_a_phone_without_horizontal_overflow()
    {
        await using var tab = await stack.OpenAsync("#/sources/open-meteo", 390, 844, reducedMotion: true);
        await tab.WaitForPageAsync("sources");
        await SourcesTests.SignInAsync(tab);
        await tab.AssertFitsScreenAsync("a source's page with its admin actions");
        // The wide tables scroll inside their own box instead.
        Assert.True(await tab.Page.Locator("[data-runs] .table-scroll").EvaluateAsync<bool>("s => getComputedStyle(s).overflowX === 'auto'"));
        await tab.KeepScreenshotAsync("sources-detail-phone");
        tab.AssertNoConsoleErrors();
    }
}
