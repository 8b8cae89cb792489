using Microsoft.Playwright;
using Tributary.Browser.Tests.Visual;

namespace Tributary.Browser.Tests;

/// <summary>
/// The drill and raw pages' layout against committed baselines, on a desktop and a phone. The bucket is found through
/// the API (replayed data follows the clock), so every figure, time, name and hash, the tables' contents and the
/// payload are masked; the page's structure, headings, labels, badges and controls are compared.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DrillVisualTests(DashboardStack stack)
{
    [Theory]
    [Trait("Category", VisualBaseline.Category)]
    [InlineData(1280, 800, "drill-desktop")]
    [InlineData(390, 844, "drill-phone")]
    public async Task The_drill_page_looks_as_committed(int width, int height, string baseline)
    {
        using var http = stack.App.Client();
        var bucket = await DrillData.BucketWithValueAsync(http, "thermal_comfort", TestContext.Current.CancellationToken);
        await using var tab = await stack.OpenAsync(bucket.DrillHash("#/explore?kpi=thermal_comfort"), width, height, reducedMotion: true);
        await tab.WaitForPageAsync("drill");
        var page = tab.Page;
        await page.EvaluateAsync("() => document.fonts.ready");
        // The unmasked page too, as an artifact: the baseline shows the layout, this shows what was in it.
        await tab.KeepScreenshotAsync(baseline + "-unmasked");
        await VisualBaseline.AssertMatchesAsync(page, baseline, masks:
        [
            page.Locator("#drill-value"),
            page.Locator("#drill-bucket"),
            page.Locator("#drill-city"),
            page.Locator("#drill-coverage"),
            page.Locator("#drill-inputs"),
            page.Locator("#drill-counts tbody"),
            page.Locator("#drill-lineage"),
            page.Locator("#drill-observations-count"),
            page.Locator("#drill-observations .table-scroll"),
            page.Locator("#live-status"),
        ]);
        tab.AssertNoConsoleErrors();
    }

    [Theory]
    [Trait("Category", VisualBaseline.Category)]
    [InlineData(1280, 800, "raw-desktop")]
    [InlineData(390, 844, "raw-phone")]
    public async Task The_raw_page_looks_as_committed(int width, int height, string baseline)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = stack.App.Client();
        var bucket = await DrillData.BucketWithValueAsync(http, "thermal_comfort", ct);
        var lineage = (await DrillData.InputsAsync(http, bucket, ct)).GetProperty("lineage")[0];
        var hash = $"#/raw?blob={Uri.EscapeDataString(lineage.GetProperty("blob").GetString()!)}&sha={lineage.GetProperty("sha256").GetString()}&back={Uri.EscapeDataString(bucket.DrillHash(null))}";
        await using var tab = await stack.OpenAsync(hash, width, height, reducedMotion: true);
        await tab.WaitForPageAsync("raw");
        var page = tab.Page;
        await page.EvaluateAsync("() => document.fonts.ready");
        // The unmasked page too, as an artifact: the baseline shows the layout, this shows what was in it.
        await tab.KeepScreenshotAsync(baseline + "-unmasked");
        await VisualBaseline.AssertMatchesAsync(page, baseline, masks:
        [
            page.Locator("#raw-name"),
            page.Locator("#raw-size"),
            page.Locator("#raw-sha"),
            page.Locator("#raw-expected"),
            page.Locator("#raw-content .raw-body"),
            page.Locator("#live-status"),
        ]);
        tab.AssertNoConsoleErrors();
    }
}
