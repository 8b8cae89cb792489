using Tributary.Marts;

namespace Tributary.Tests.Marts;

public sealed class ThermalComfortTests
{
    [Theory]
    [InlineData(9.01, 1.0)]     // Inside the UTCI no-thermal-stress band (9, 26].
    [InlineData(26.0, 1.0)]
    [InlineData(9.0, 1.0)]      // At the lower edge the cold slope gives 1 - 0.02 * 0.
    [InlineData(-11.0, 0.6)]    // The worked example of data-sources.md: CF = 0.6 at Ta = -11.
    [InlineData(-31.0, 0.2)]    // 1 - 0.02 * 40 = 0.2, the floor.
    [InlineData(-60.0, 0.2)]    // Never below the floor.
    [InlineData(31.0, 0.8)]     // Heat slope is twice as steep: 1 - 0.04 * 5.
    [InlineData(50.0, 0.2)]
    public void Factor_follows_the_published_formula(double apparentTemperature, double expected) =>
        Assert.Equal(expected, ThermalComfort.Factor(apparentTemperature), 10);

    [Fact]
    public void Buckets_average_sources_and_give_a_reason_when_every_input_is_missing()
    {
        var hour = new DateTimeOffset(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);
        var points = Aggregator.ThermalComfortBuckets(
        [
            new ObservationInput(hour, -10, "raw/a.json"),
            new ObservationInput(hour.AddMinutes(30), -12, "raw/b.json"),
            new ObservationInput(hour.AddHours(1), null, "raw/a.json"),
        ]);
        Assert.Equal(2, points.Count);
        Assert.Equal((0.6, 2, 1.0), (points[0].Value!.Value, points[0].Inputs, points[0].Coverage));
        Assert.Equal(["raw/a.json", "raw/b.json"], points[0].Lineage);
        Assert.Null(points[1].Value);
        Assert.Equal(("missing_apparent_temperature", 0.0), (points[1].Reason, points[1].Coverage));
    }
}
