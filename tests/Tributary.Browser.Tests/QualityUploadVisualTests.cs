using Tributary.Browser.Tests.Visual;

namespace Tributary.Browser.Tests;

/// <summary>
/// The quality and upload pages' layout against committed baselines, on a desktop and a phone. Replayed data follows
/// the clock, so the chart, the figures, the days and the caption are masked; headings, labels, controls and the
/// table's head are compared. The upload page is compared with a refused file, so its error state is in the picture
/// and nothing is sent.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class QualityUploadVisualTests(DashboardStack stack)
{
    [Theory]
    [Trait("Category", VisualBaseline.Category)]
    [InlineData(1280, 800, "quality-desktop")]
    [InlineData(390, 844, "quality-phone")]
    public async Task The_quality_page_looks_as_committed(int width, int height, string baseline)
    {
        using var http = stack.App.Client();
        var source = await QualityTests.SourceWithQualityAsync(http, TestContext.Current.CancellationToken);
        await using var tab = await stack.OpenAsync($"#/quality?source={source}&range=last-7d", width, height, reducedMotion: true);
        await tab.WaitForPageAsync("quality");
        var page = tab.Page;
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#quality-chart').dataset.renderCount) >= 1");
        await page.EvaluateAsync("() => document.fonts.ready");
        await tab.KeepScreenshotAsync(baseline + "-unmasked");
        await VisualBaseline.AssertMatchesAsync(page, baseline, masks:
        [
            page.Locator("#quality-chart"),
            page.Locator("#quality-caption"),
            page.Locator("#quality-table tbody"),
            page.Locator("#quality-from"),
            page.Locator("#quality-to"),
            page.Locator("#live-status"),
        ]);
        tab.AssertNoConsoleErrors();
    }

    [Theory]
    [Trait("Category", VisualBaseline.Category)]
    [InlineData(1280, 800, "upload-desktop")]
    [InlineData(390, 844, "upload-phone")]
    public async Task The_upload_page_looks_as_committed(int width, int height, string baseline)
    {
        await using var tab = await stack.OpenAsync("#/upload", width, height, reducedMotion: true);
        await tab.WaitForPageAsync("upload");
        var page = tab.Page;
        await page.Locator("#upload-file").SetInputFilesAsync(new Microsoft.Playwright.FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4e, 0x47] });
        await page.Locator("#upload-file-error").Filter(new() { HasTextString = "photo.png" }).WaitForAsync();
        await page.EvaluateAsync("() => { document.activeElement?.blur(); return document.fonts.ready; }");
        await tab.KeepScreenshotAsync(baseline + "-unmasked");
        await VisualBaseline.AssertMatchesAsync(page, baseline, masks: [page.Locator("#live-status")]);
        tab.AssertNoConsoleErrors();
    }
}
