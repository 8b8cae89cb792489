using Microsoft.Playwright;
using SkiaSharp;
using Xunit.Sdk;

namespace Tributary.Browser.Tests.Visual;

/// <summary>
/// The pixel comparison on PNGs drawn here with SkiaSharp (so every expected count is known exactly), and the
/// baseline check end to end in real Chromium against a scratch baseline folder.
/// </summary>
public sealed class ImageDifferenceTests
{
    private const int Width = 100;
    private const int Height = 80;
    private static readonly SKColor Background = new(240, 240, 240);

    [Fact]
    public void Identical_images_have_no_differing_pixels()
    {
        var png = Png(Width, Height, Background, (SKColors.Navy, new SKRectI(10, 10, 40, 30)));

        var difference = ImageDifference.Compare(png, png);

        Assert.Equal(0, difference.DifferingPixels);
        Assert.Equal(0, difference.Share);
        Assert.Equal(Width * Height, difference.ComparedPixels);
    }

    [Fact]
    public void A_changed_block_counts_exactly_its_pixels()
    {
        var expected = Png(Width, Height, Background);
        var actual = Png(Width, Height, Background, (SKColors.Black, new SKRectI(20, 30, 30, 35)));

        var difference = ImageDifference.Compare(expected, actual);

        Assert.Equal(10 * 5, difference.DifferingPixels);
        Assert.Equal(50.0 / (Width * Height), difference.Share, precision: 12);
    }

    [Fact]
    public void Channel_differences_up_to_the_threshold_are_noise_and_beyond_it_count()
    {
        var expected = Png(Width, Height, new SKColor(100, 100, 100));
        var atThreshold = Png(Width, Height, new SKColor(100 + ImageDifference.DefaultChannelThreshold, 100, 100 - ImageDifference.DefaultChannelThreshold));
        var pastThreshold = Png(Width, Height, new SKColor(100, 100 + ImageDifference.DefaultChannelThreshold + 1, 100));

        Assert.Equal(0, ImageDifference.Compare(expected, atThreshold).DifferingPixels);
        Assert.Equal(Width * Height, ImageDifference.Compare(expected, pastThreshold).DifferingPixels);
        // A stricter threshold sees what the default calls noise.
        Assert.Equal(Width * Height, ImageDifference.Compare(expected, atThreshold, channelThreshold: 10).DifferingPixels);
    }

    [Fact]
    public void Alpha_counts_as_a_channel()
    {
        var opaque = Png(Width, Height, new SKColor(0, 128, 0, 255));
        var translucent = Png(Width, Height, new SKColor(0, 128, 0, 128));

        Assert.Equal(Width * Height, ImageDifference.Compare(opaque, translucent).DifferingPixels);
    }

    [Fact]
    public void A_masked_region_is_left_out_of_the_comparison()
    {
        var expected = Png(Width, Height, Background);
        var actual = Png(Width, Height, Background, (SKColors.Red, new SKRectI(20, 20, 40, 40)), (SKColors.Blue, new SKRectI(60, 60, 63, 62)));
        var mask = new SKRectI(15, 15, 45, 45); // Covers the red block, not the blue one.

        var difference = ImageDifference.Compare(expected, actual, [mask]);

        Assert.Equal(3 * 2, difference.DifferingPixels);
        Assert.Equal(Width * Height - 30 * 30, difference.ComparedPixels);
        Assert.Equal(6.0 / (Width * Height - 30 * 30), difference.Share, precision: 12);
    }

    [Fact]
    public void Masks_reaching_past_the_image_are_clipped_and_overlapping_masks_count_once()
    {
        var expected = Png(Width, Height, Background);
        var actual = Png(Width, Height, Background, (SKColors.Red, new SKRectI(90, 0, 100, 80)));
        SKRectI[] masks = [new(90, -20, 150, 200), new(80, 0, 95, 10)];

        var difference = ImageDifference.Compare(expected, actual, masks);

        Assert.Equal(0, difference.DifferingPixels);
        Assert.Equal(Width * Height - (10 * Height + 10 * 10), difference.ComparedPixels);
    }

    [Fact]
    public void Everything_masked_compares_nothing_and_shares_nothing()
    {
        var difference = ImageDifference.Compare(Png(Width, Height, SKColors.White), Png(Width, Height, SKColors.Black), [new SKRectI(0, 0, Width, Height)]);

        Assert.Equal(0, difference.ComparedPixels);
        Assert.Equal(0, difference.Share);
    }

    [Fact]
    public void A_mask_with_a_negative_size_is_refused_naming_it()
    {
        var png = Png(Width, Height, Background);

        var error = Assert.Throws<ArgumentException>(() => ImageDifference.Compare(png, png, [new SKRectI(50, 10, 40, 20)]));

        Assert.Contains("negative size", error.Message);
        Assert.Contains("50", error.Message);
    }

    [Fact]
    public void Images_of_different_sizes_fail_saying_both_sizes()
    {
        var error = Assert.Throws<ImageSizeMismatchException>(() => ImageDifference.Compare(Png(Width, Height, Background), Png(Width, Height + 10, Background)));

        Assert.Contains("expected 100x80", error.Message);
        Assert.Contains("actual 100x90", error.Message);
        Assert.Equal(new SKSizeI(100, 80), error.Expected);
        Assert.Equal(new SKSizeI(100, 90), error.Actual);
    }

    [Fact]
    public void Bytes_that_are_not_a_png_are_refused_naming_the_argument()
    {
        var png = Png(Width, Height, Background);

        var garbage = Assert.Throws<ArgumentException>(() => ImageDifference.Compare(png, "not an image"u8.ToArray()));
        var empty = Assert.Throws<ArgumentException>(() => ImageDifference.Compare([], png));

        Assert.Equal("actualPng", garbage.ParamName);
        Assert.Equal("expectedPng", empty.ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(256)]
    public void A_threshold_outside_0_to_255_is_refused(int threshold)
    {
        var png = Png(Width, Height, Background);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ImageDifference.Compare(png, png, channelThreshold: threshold));

        Assert.Equal("channelThreshold", error.ParamName);
    }

    [Fact]
    public void The_diff_image_is_a_png_of_the_same_size_with_differences_in_red_over_a_faded_expected_image()
    {
        var expected = Png(Width, Height, SKColors.Black);
        var actual = Png(Width, Height, SKColors.Black, (SKColors.White, new SKRectI(5, 5, 10, 10)));

        var difference = ImageDifference.Compare(expected, actual);
        using var diff = SKBitmap.Decode(difference.DiffPng);

        Assert.NotNull(diff);
        using (var codec = SKCodec.Create(new MemoryStream(difference.DiffPng)))
        {
            Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        }
        Assert.Equal((Width, Height), (diff.Width, diff.Height));
        Assert.Equal(new SKColor(255, 0, 0, 255), diff.GetPixel(7, 7));
        // Black faded to a quarter over white: a light grey, opaque, clearly not red.
        var faded = diff.GetPixel(50, 50);
        Assert.Equal(255, faded.Alpha);
        Assert.InRange(faded.Red, 185, 195);
        Assert.Equal(faded.Red, faded.Green);
        Assert.Equal(faded.Red, faded.Blue);
    }

    [Theory]
    [InlineData("dashboard")]
    [InlineData("dashboard-kpi-chart")]
    [InlineData("catalog-2-cities")]
    public void VisualBaseline_accepts_lowercase_dashed_names(string name) => VisualBaseline.ValidateName(name);

    [Theory]
    [InlineData("")]
    [InlineData("Dashboard")]
    [InlineData("kpi_chart")]
    [InlineData("kpi chart")]
    [InlineData("-kpi")]
    [InlineData("kpi-")]
    [InlineData("kpi--chart")]
    [InlineData("../secrets")]
    [InlineData("dashboard.png")]
    [InlineData("æøå")]
    public void VisualBaseline_refuses_other_names_naming_the_input(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => VisualBaseline.ValidateName(name));

        Assert.Contains($"'{name}'", error.Message);
        Assert.Equal("name", error.ParamName);
    }

    [Fact]
    public void VisualBaseline_refuses_an_overlong_name()
    {
        var name = new string('a', 81);

        var error = Assert.Throws<ArgumentException>(() => VisualBaseline.ValidateName(name));

        Assert.Contains(name, error.Message);
    }

    [Fact]
    public async Task VisualBaseline_refuses_a_bad_name_before_taking_a_screenshot()
    {
        // The name is checked first, so no page (here none at all) is touched for a bad one.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => VisualBaseline.AssertMatchesAsync(null!, "Bad Name"));

        Assert.Contains("'Bad Name'", error.Message);
    }

    [Fact]
    public async Task VisualBaseline_in_chromium_fails_without_a_baseline_then_writes_matches_and_catches_a_change()
    {
        var scratch = Directory.CreateTempSubdirectory("tributary-visual-");
        var baselines = Path.Combine(scratch.FullName, "baselines");
        var output = Path.Combine(scratch.FullName, "output");
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(ChromiumOptions());
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 320, Height = 200 } });
            // Blocks of colour only: text would bring the machine's fonts into the picture.
            await page.SetContentAsync("""
                <body style="margin:0;background:#fff">
                  <div id="header" style="height:40px;background:#1e3a8a"></div>
                  <div id="stamp" style="margin:20px;width:100px;height:30px;background:#16a34a"></div>
                </body>
                """);

            var missing = await Assert.ThrowsAsync<FailException>(() => Check(page, "scratch-page", null, baselines, output, update: false));
            Assert.Contains("No baseline", missing.Message);
            Assert.Contains(VisualBaseline.RefreshCommand, missing.Message);
            Assert.True(File.Exists(Path.Combine(output, "scratch-page.actual.png")), "the screenshot of a run without baseline is kept");

            await Check(page, "scratch-page", null, baselines, output, update: true);
            var baseline = Path.Combine(baselines, "scratch-page.png");
            using (var written = SKBitmap.Decode(baseline))
            {
                Assert.Equal((320, 200), (written.Width, written.Height));
            }

            // Refreshing a page that looks the same keeps the committed file byte for byte (no churn in git):
            // re-encode the baseline with SkiaSharp, which writes other bytes for the same pixels than Chromium.
            var chromiumBytes = File.ReadAllBytes(baseline);
            using (var pixels = SKBitmap.Decode(baseline))
            using (var reencoded = pixels.Encode(SKEncodedImageFormat.Png, 100))
            {
                File.WriteAllBytes(baseline, reencoded.ToArray());
            }
            var reencodedBytes = File.ReadAllBytes(baseline);
            Assert.NotEqual(chromiumBytes, reencodedBytes);
            await Check(page, "scratch-page", null, baselines, output, update: true);
            Assert.Equal(reencodedBytes, File.ReadAllBytes(baseline));

            await Check(page, "scratch-page", null, baselines, output, update: false);
            Assert.Equal(0, ImageDifference.Compare(File.ReadAllBytes(baseline), File.ReadAllBytes(Path.Combine(output, "scratch-page.actual.png"))).DifferingPixels);
            Assert.True(File.Exists(Path.Combine(output, "scratch-page.diff.png")));
            Assert.True(File.Exists(Path.Combine(output, "scratch-page.expected.png")));

            // 100x30 of 320x200 pixels change colour: about 4.7 %, over the 1 % tolerance.
            await page.EvaluateAsync("() => { document.getElementById('stamp').style.background = '#dc2626'; }");
            var changed = await Assert.ThrowsAsync<FailException>(() => Check(page, "scratch-page", null, baselines, output, update: false));
            Assert.Contains("scratch-page.png", changed.Message);
            Assert.Contains("4.69", changed.Message);
            Assert.Contains(VisualBaseline.RefreshCommand, changed.Message);

            // Masked, the changed block no longer counts (Playwright paints it the same in both, and its box is skipped).
            await Check(page, "scratch-page", [page.Locator("#stamp")], baselines, output, update: true);
            await page.EvaluateAsync("() => { document.getElementById('stamp').style.background = '#9333ea'; }");
            await Check(page, "scratch-page", [page.Locator("#stamp")], baselines, output, update: false);

            // A page of another size fails on the size, naming both.
            await page.SetViewportSizeAsync(320, 240);
            var resized = await Assert.ThrowsAsync<FailException>(() => Check(page, "scratch-page", [page.Locator("#stamp")], baselines, output, update: false));
            Assert.Contains("expected 320x200", resized.Message);
            Assert.Contains("actual 320x240", resized.Message);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static Task Check(IPage page, string name, IEnumerable<ILocator>? masks, string baselines, string output, bool update) =>
        VisualBaseline.AssertMatchesAsync(page, name, masks, tolerance: 0.01, baselines, output, update);

    private static BrowserTypeLaunchOptions ChromiumOptions() => new()
    {
        ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };

    /// <summary>A PNG of one colour with filled rectangles drawn over it, without anti-aliasing so edges are exact.</summary>
    private static byte[] Png(int width, int height, SKColor background, params (SKColor Color, SKRectI Rect)[] blocks)
    {
        // Premultiplied: Skia draws only into premultiplied or opaque bitmaps; the PNG encoder stores straight alpha.
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background);
            using var paint = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill };
            foreach (var (color, rect) in blocks)
            {
                paint.Color = color;
                canvas.DrawRect(rect, paint);
            }
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
