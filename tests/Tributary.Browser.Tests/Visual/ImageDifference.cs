using SkiaSharp;

namespace Tributary.Browser.Tests.Visual;

/// <summary>
/// How far an actual PNG is from an expected one, pixel by pixel. A pixel differs when any of its RGBA channels
/// differs by more than a threshold: font and chart anti-aliasing shifts edges by a few levels between runs, a real
/// change (a missing bar, a moved label) shifts them by far more. Masked rectangles are left out of the comparison.
/// </summary>
public sealed class ImageDifference
{
    /// <summary>Channel difference tolerated as anti-aliasing noise (out of 255).</summary>
    public const int DefaultChannelThreshold = 32;

    private static readonly SKColor DifferingPixel = new(255, 0, 0, 255);

    // How much of the expected image shows through in the diff: enough to see where a red pixel is, faint enough
    // that the red stands out.
    private const double ExpectedOpacityInDiff = 0.25;

    private ImageDifference(int width, int height, int comparedPixels, int differingPixels, byte[] diffPng)
    {
        Width = width;
        Height = height;
        ComparedPixels = comparedPixels;
        DifferingPixels = differingPixels;
        DiffPng = diffPng;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Pixels outside every mask: the ones that were compared.</summary>
    public int ComparedPixels { get; }

    public int DifferingPixels { get; }

    /// <summary>Differing pixels as a share (0..1) of the compared ones; 0 when everything is masked.</summary>
    public double Share => ComparedPixels == 0 ? 0 : (double)DifferingPixels / ComparedPixels;

    /// <summary>A PNG the size of both images: differing pixels red over a faded copy of the expected image.</summary>
    public byte[] DiffPng { get; }

    /// <param name="expectedPng">The baseline, PNG bytes.</param>
    /// <param name="actualPng">What was rendered now, PNG bytes.</param>
    /// <param name="masks">Rectangles, in image pixels, left out of the comparison; parts outside the image are ignored.</param>
    /// <param name="channelThreshold">Largest channel difference (0..255) still counted as the same pixel.</param>
    /// <exception cref="ImageSizeMismatchException">The two images are not the same size.</exception>
    public static ImageDifference Compare(byte[] expectedPng, byte[] actualPng, IEnumerable<SKRectI>? masks = null, int channelThreshold = DefaultChannelThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channelThreshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channelThreshold, 255);
        using var expected = Decode(expectedPng, nameof(expectedPng));
        using var actual = Decode(actualPng, nameof(actualPng));
        if (expected.Width != actual.Width || expected.Height != actual.Height)
        {
            throw new ImageSizeMismatchException(new SKSizeI(expected.Width, expected.Height), new SKSizeI(actual.Width, actual.Height));
        }

        var width = expected.Width;
        var height = expected.Height;
        var masked = MaskedPixels(width, height, masks);
        using var diff = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var expectedPixels = expected.GetPixelSpan();
        var actualPixels = actual.GetPixelSpan();
        var diffPixels = diff.GetPixelSpan();
        var compared = 0;
        var differing = 0;
        for (var pixel = 0; pixel < width * height; pixel++)
        {
            var at = pixel * 4;
            var differs = false;
            if (!masked[pixel])
            {
                compared++;
                for (var channel = 0; channel < 4; channel++)
                {
                    if (Math.Abs(expectedPixels[at + channel] - actualPixels[at + channel]) > channelThreshold) { differs = true; break; }
                }
            }

            if (differs)
            {
                differing++;
                diffPixels[at] = DifferingPixel.Red;
                diffPixels[at + 1] = DifferingPixel.Green;
                diffPixels[at + 2] = DifferingPixel.Blue;
                diffPixels[at + 3] = DifferingPixel.Alpha;
            }
            else
            {
                // Fade toward white, taking the expected pixel's own transparency into account, and keep the result opaque.
                var coverage = expectedPixels[at + 3] / 255.0 * ExpectedOpacityInDiff;
                for (var channel = 0; channel < 3; channel++)
                {
                    diffPixels[at + channel] = (byte)Math.Round(255 - (255 - expectedPixels[at + channel]) * coverage);
                }
                diffPixels[at + 3] = 255;
            }
        }

        using var encoded = diff.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode the {width}x{height} diff image as PNG.");
        return new ImageDifference(width, height, compared, differing, encoded.ToArray());
    }

    /// <summary>Decodes into straight (unpremultiplied) RGBA bytes so channels compare as the PNG stores them.</summary>
    private static SKBitmap Decode(byte[] png, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(png, argumentName);
        if (png.Length == 0) throw new ArgumentException($"{argumentName} is empty, not a PNG.", argumentName);
        using var data = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(data)
            ?? throw new ArgumentException($"{argumentName} ({png.Length} bytes) is not an image SkiaSharp can decode.", argumentName);
        if (codec.EncodedFormat != SKEncodedImageFormat.Png)
        {
            throw new ArgumentException($"{argumentName} is {codec.EncodedFormat}, not PNG.", argumentName);
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        return SKBitmap.Decode(codec, info)
            ?? throw new ArgumentException($"{argumentName} is a PNG of {info.Width}x{info.Height} whose pixels could not be decoded.", argumentName);
    }

    private static bool[] MaskedPixels(int width, int height, IEnumerable<SKRectI>? masks)
    {
        var masked = new bool[width * height];
        foreach (var mask in masks ?? [])
        {
            if (mask.Width < 0 || mask.Height < 0)
            {
                throw new ArgumentException($"Mask {mask} has a negative size ({mask.Width}x{mask.Height}): Right must not be left of Left, nor Bottom above Top.", nameof(masks));
            }

            var clipped = SKRectI.Intersect(mask, new SKRectI(0, 0, width, height));
            if (clipped.IsEmpty) continue;
            for (var y = clipped.Top; y < clipped.Bottom; y++)
            {
                Array.Fill(masked, true, y * width + clipped.Left, clipped.Width);
            }
        }
        return masked;
    }
}

/// <summary>Two images that cannot be compared pixel by pixel because their sizes differ.</summary>
public sealed class ImageSizeMismatchException(SKSizeI expected, SKSizeI actual)
    : Exception($"The images differ in size: expected {expected.Width}x{expected.Height} pixels, actual {actual.Width}x{actual.Height} pixels.")
{
    public SKSizeI Expected { get; } = expected;
    public SKSizeI Actual { get; } = actual;
}
