using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SkiaSharp;
using Tributary.Testing;

namespace Tributary.Browser.Tests.Visual;

/// <summary>
/// Compares a page with a screenshot committed under tests/Tributary.Browser.Tests/Baselines/{name}.png. The
/// baselines are read from the repository itself, never from the build output, so a refresh is a plain git change
/// to review. Every comparison leaves actual, expected and diff PNGs under TestResults/visual/ and attaches them.
/// </summary>
public static partial class VisualBaseline
{
    /// <summary>Set to 1 to write or overwrite baselines instead of comparing (what tests/update-baselines.sh does).</summary>
    public const string UpdateVariable = "TRIBUTARY_UPDATE_BASELINES";

    public const string RefreshCommand = "tests/update-baselines.sh";

    /// <summary>Trait that marks a visual test, so the refresh command can run them all and nothing else.</summary>
    public const string Category = "Visual";

    public static readonly string BaselineDirectory = RepoPaths.Combine("tests", "Tributary.Browser.Tests", "Baselines");
    public static readonly string OutputDirectory = RepoPaths.Combine("TestResults", "visual");

    private const int MaxNameLength = 80;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();

    /// <summary>Screenshots the whole page and compares it with the baseline <paramref name="name"/>.</summary>
    /// <param name="masks">Parts of the page whose content depends on the day or the run (timestamps, charts of
    /// live data): Playwright paints them over in the screenshot, and their boxes are left out of the comparison.</param>
    /// <param name="tolerance">Largest share (0..1) of compared pixels allowed to differ.</param>
    public static async Task AssertMatchesAsync(IPage page, string name, IEnumerable<ILocator>? masks = null, double tolerance = 0.01)
    {
        var update = Environment.GetEnvironmentVariable(UpdateVariable) == "1";
        if (update && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            // A baseline written in CI's throwaway clone would be lost, and the test would pass without comparing.
            throw new InvalidOperationException($"{UpdateVariable}=1 is set in CI: baselines are refreshed on a developer's machine with {RefreshCommand} and committed.");
        }
        await AssertMatchesAsync(page, name, masks, tolerance, BaselineDirectory, OutputDirectory, update);
    }

    /// <summary>The same, with the folders and the update switch given: lets the comparison itself be tested in a scratch folder.</summary>
    internal static async Task AssertMatchesAsync(IPage page, string name, IEnumerable<ILocator>? masks, double tolerance,
        string baselineDirectory, string outputDirectory, bool update)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(page);
        if (!(tolerance >= 0 && tolerance <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, $"The tolerance for '{name}' is a share of pixels, between 0 and 1.");
        }

        var maskList = masks?.ToList() ?? [];
        var actualPng = await page.ScreenshotAsync(new PageScreenshotOptions
        {
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
            // CSS pixels whatever the device scale factor, so mask boxes (CSS pixels too) line up with the image.
            Scale = ScreenshotScale.Css,
            Mask = maskList,
        });
        var maskBoxes = await MaskBoxesAsync(maskList);

        var baselinePath = Path.Combine(baselineDirectory, name + ".png");
        var actualPath = Path.Combine(outputDirectory, name + ".actual.png");
        var expectedPath = Path.Combine(outputDirectory, name + ".expected.png");
        var diffPath = Path.Combine(outputDirectory, name + ".diff.png");
        Directory.CreateDirectory(outputDirectory);
        // Files of an earlier run would pass for this run's: remove them before writing what this run has.
        File.Delete(expectedPath);
        File.Delete(diffPath);
        await KeepAsync(actualPath, $"visual {name} actual", actualPng);

        if (update)
        {
            await UpdateAsync(baselinePath, actualPng, maskBoxes);
            return;
        }

        if (!File.Exists(baselinePath))
        {
            Assert.Fail($"No baseline {Shown(baselinePath)} for the visual check '{name}'. Create it with {RefreshCommand} "
                + $"(or {UpdateVariable}=1 dotnet test tests/Tributary.Browser.Tests --filter \"Category={Category}\"), look at it and commit it. "
                + $"This run's screenshot is {Shown(actualPath)}.");
        }

        var expectedPng = await File.ReadAllBytesAsync(baselinePath);
        await KeepAsync(expectedPath, $"visual {name} expected", expectedPng);
        ImageDifference difference;
        try
        {
            difference = ImageDifference.Compare(expectedPng, actualPng, maskBoxes);
        }
        catch (ImageSizeMismatchException mismatch)
        {
            Assert.Fail($"Visual check '{name}' against {Shown(baselinePath)}: {mismatch.Message} "
                + $"Actual and expected are in {Shown(outputDirectory)}. If the new size is intended, refresh with {RefreshCommand}.");
            throw; // Not reached: Assert.Fail throws.
        }

        await KeepAsync(diffPath, $"visual {name} diff", difference.DiffPng);
        if (difference.Share > tolerance)
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"Visual check '{name}' against {Shown(baselinePath)}: {difference.Share:P2} of compared pixels differ ")
                + string.Create(CultureInfo.InvariantCulture, $"({difference.DifferingPixels} of {difference.ComparedPixels}), tolerance {tolerance:P2}. ")
                + $"Actual, expected and diff (differences in red) are {Shown(outputDirectory)}/{name}.*.png. "
                + $"If the change is intended, refresh the baselines with {RefreshCommand} and commit them.");
        }
    }

    /// <summary>
    /// Writes the baseline unless the one there already matches pixel for pixel (within the noise threshold): a
    /// refresh then changes in git only the pages that really look different.
    /// </summary>
    private static async Task UpdateAsync(string baselinePath, byte[] actualPng, IReadOnlyList<SKRectI> maskBoxes)
    {
        if (File.Exists(baselinePath))
        {
            var existing = await File.ReadAllBytesAsync(baselinePath);
            try
            {
                if (ImageDifference.Compare(existing, actualPng, maskBoxes).DifferingPixels == 0) return;
            }
            catch (ImageSizeMismatchException)
            {
                // Another size: the new screenshot replaces it.
            }
            catch (ArgumentException)
            {
                // Not a readable PNG: the new screenshot replaces it.
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(baselinePath)!);
        await File.WriteAllBytesAsync(baselinePath, actualPng);
        TestContext.Current.AddWarning($"Baseline {Shown(baselinePath)} written from this run ({UpdateVariable}=1): look at it before committing.");
    }

    /// <summary>Throws unless <paramref name="name"/> is lowercase letters and digits, in dash-separated words.</summary>
    public static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > MaxNameLength || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Baseline name '{name}' is not allowed: use lowercase letters a-z and digits in words joined by single dashes (e.g. 'dashboard-kpi-chart'), at most {MaxNameLength} characters.",
                nameof(name));
        }
    }

    /// <summary>The document boxes (full-page screenshot coordinates) of every element the mask locators match.</summary>
    private static async Task<List<SKRectI>> MaskBoxesAsync(IReadOnlyList<ILocator> masks)
    {
        var boxes = new List<SKRectI>();
        foreach (var mask in masks)
        {
            var rects = await mask.EvaluateAllAsync<double[][]>(
                "elements => elements.map(e => { const r = e.getBoundingClientRect(); return [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY]; })");
            // Outward to whole pixels: a partly covered pixel is painted by the mask too.
            boxes.AddRange(rects.Select(r => new SKRectI((int)Math.Floor(r[0]), (int)Math.Floor(r[1]), (int)Math.Ceiling(r[2]), (int)Math.Ceiling(r[3]))));
        }
        return boxes;
    }

    private static async Task KeepAsync(string path, string attachmentName, byte[] png)
    {
        await File.WriteAllBytesAsync(path, png);
        TestContext.Current.AddAttachment(attachmentName, png, replaceExistingValue: true, mediaType: "image/png");
    }

    /// <summary>Repository-relative where possible, so messages read the same on every machine.</summary>
    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(RepoPaths.Root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative.Replace('\\', '/');
    }
}
