using Tributary.Marts.Formulas;

namespace Tributary.Tests.Marts;

public sealed class Pm25AqiTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(9.0, 50)]       // Top of "Good" (2024 revision: 9.0, was 12.0).
    [InlineData(9.05, 50)]      // Truncated to 9.0 first, so no gap between the bands.
    [InlineData(9.1, 51)]       // Bottom of "Moderate".
    [InlineData(35.4, 100)]
    [InlineData(35.49, 100)]    // Truncated to 35.4.
    [InlineData(35.5, 101)]
    [InlineData(55.4, 150)]
    [InlineData(55.5, 151)]
    [InlineData(125.4, 200)]
    [InlineData(125.5, 201)]
    [InlineData(225.4, 300)]
    [InlineData(225.5, 301)]
    [InlineData(325.4, 500)]
    [InlineData(325.49, 500)]
    [InlineData(500.0, 500)]    // Beyond the AQI: capped.
    [InlineData(-2.0, 0)]       // A negative sensor reading counts as clean air, not as an error.
    public void Index_follows_the_2024_breakpoints_at_every_edge(double concentration, int expected) =>
        Assert.Equal(expected, Pm25Aqi.Index(concentration));

    [Theory]
    // (49 / 26.3) * (25.0 - 9.1) + 51 = 80.62 -> 81
    [InlineData(25.0, 81)]
    // (50 / 9.0) * 8.0 = 44.44 -> 44
    [InlineData(8.0, 44)]
    // 19.3333 truncates to 19.3: (49 / 26.3) * 10.2 + 51 = 70.004 -> 70
    [InlineData(58.0 / 3, 70)]
    // (50 / 9.0) * 0.9 = 5.0 exactly; (50 / 9.0) * 8.1 = 45.0
    [InlineData(0.9, 5)]
    [InlineData(8.1, 45)]
    // (49 / 19.9) * (45.0 - 35.5) + 101 = 124.39 -> 124
    [InlineData(45.0, 124)]
    public void Index_interpolates_within_a_band_and_rounds_to_the_nearest_integer(double concentration, int expected) =>
        Assert.Equal(expected, Pm25Aqi.Index(concentration));
}
