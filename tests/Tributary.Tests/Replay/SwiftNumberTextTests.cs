using Tributary.Replay.OpenMeteo;

namespace Tributary.Tests.Replay;

public sealed class SwiftNumberTextTests
{
    [Theory]
    [InlineData(38f, "38.0")]
    [InlineData(52.52f, "52.52")]
    [InlineData(0.00001f, "1e-05")]
    public void Floats_print_like_swift_descriptions(float value, string expected) =>
        Assert.Equal(expected, SwiftNumberText.Float(value));

    [Theory]
    [InlineData(-4.25, 1, "-4.3")]
    [InlineData(3.1, 2, "3.10")]
    [InlineData(86.5, 0, "87")]
    [InlineData(0.0, 2, "0.00")]
    public void Values_print_with_fixed_decimals_rounded_half_away_from_zero(double value, int decimals, string expected) =>
        Assert.Equal(expected, SwiftNumberText.Fixed(value, decimals));
}
