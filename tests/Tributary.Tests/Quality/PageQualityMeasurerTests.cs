using Tributary.Curation;
using Tributary.Quality;

namespace Tributary.Tests.Quality;

public sealed class PageQualityMeasurerTests
{
    private static readonly DateTimeOffset Landed = new(2026, 11, 22, 10, 25, 0, TimeSpan.Zero);

    private static Observation Temp(int hour, double? value, QualityFlags flags = QualityFlags.None, string unit = "Cel", int dayOffset = 0) =>
        new("open-meteo", Metrics.AirTemperature, "city:oslo", "oslo", 59.9, 10.7, new DateTimeOffset(2026, 11, 22, hour, 0, 0, TimeSpan.Zero).AddDays(dayOffset),
            0, value, unit, value is null ? flags | QualityFlags.Missing : flags, $"oslo|air_temperature|{hour}");

    [Fact]
    public void Every_figure_of_a_hand_made_page()
    {
        // Ten hours 00..09: eight ordinary values, one null, one 40 °C that is no range violation but an IQR outlier;
        // hour 3 delivered twice; one value in the wrong unit; two records rejected; one forecast hour after landing.
        List<Observation> page =
        [
            Temp(0, 1.0), Temp(1, 1.5), Temp(2, 2.0), Temp(3, 2.5), Temp(3, 2.5), Temp(4, 3.0), Temp(5, 3.5), Temp(6, null),
            Temp(7, 40.0), Temp(8, 4.5, unit: "[degF]"), Temp(9, 5.0), Temp(12, 6.0),
        ];
        var f = PageQualityMeasurer.Measure(page, rejected: 2, Landed, Metrics.CanonicalUnits, volumeNorm: 24);

        Assert.Equal((12, 14, 11, 2), (f.Observations, f.Expected, f.Present, f.Rejected));
        Assert.Equal(11.0 / 14, f.Completeness!.Value, 4);     // 11 valued of 12 observations + 2 rejects
        Assert.Equal(11.0 / 12, f.Uniqueness!.Value, 4);       // hour 3 twice
        Assert.Equal(11.0 / 12, f.Consistency!.Value, 4);      // one [degF]
        // Values sorted: 1, 1.5, 2, 2.5, 2.5, 3, 3.5, 4.5, 5, 6, 40: Q1 = 2.25, Q3 = 4.75, IQR 2.5, fences -1.5 .. 8.5.
        Assert.Equal((1, 1), (f.Outliers, f.Invalid));
        Assert.Equal(10.0 / 11, f.Validity!.Value, 4);
        // The newest record at or before landing is 09:00 (12:00 is ahead): 85 minutes old, fully timely.
        Assert.Equal((new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), 5100L, 1.0), (f.NewestUtc!.Value, f.AgeSeconds!.Value, f.Timeliness!.Value));
        Assert.Equal(0.5, f.Volume!.Value);                    // 12 observations against a norm of 24
        double R(double x) => Math.Round(x, 4); // each component is stored to four places
        Assert.Equal(Math.Round((R(11.0 / 14) + R(11.0 / 12) + R(11.0 / 12) + R(10.0 / 11) + 1 + 0.5) / 6, 4), f.Score!.Value);
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(2 * 3600, 1.0)]
    [InlineData(13 * 3600, 0.5)]
    [InlineData(24 * 3600, 0.0)]
    [InlineData(48 * 3600, 0.0)]
    public void Timeliness_is_full_for_two_hours_then_falls_to_zero_at_a_day(long ageSeconds, double expected) =>
        Assert.Equal(expected, QualityRules.Timeliness(ageSeconds)!.Value, 4);

    [Fact]
    public void Too_few_values_are_not_judged_for_outliers_and_an_empty_page_has_no_scores()
    {
        var few = PageQualityMeasurer.Measure([Temp(0, 1), Temp(1, 100)], 0, Landed, Metrics.CanonicalUnits, null);
        Assert.Equal(0, few.Outliers);
        Assert.Null(few.Volume);
        var empty = PageQualityMeasurer.Measure([], 0, Landed, Metrics.CanonicalUnits, null);
        Assert.Null(empty.Score);
    }
}
