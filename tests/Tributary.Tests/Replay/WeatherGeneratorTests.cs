using Tributary.Replay.OpenMeteo;

namespace Tributary.Tests.Replay;

public sealed class WeatherGeneratorTests
{
    private static readonly GridCell Oslo = GridCell.Nearest(59.9139f, 10.7522f);
    private static readonly long FirstHourOf2025 = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() / 3600;
    private static readonly WeatherGenerator Generator = new(20251115);

    [Fact]
    public void About_one_to_two_percent_of_hours_are_model_gaps_never_more_than_two_in_a_row()
    {
        var hours = Enumerable.Range(0, 3 * 8760).Select(offset => Generator.At(Oslo, FirstHourOf2025 + offset)).ToList();

        var gapShare = hours.Count(h => h is null) / (double)hours.Count;
        Assert.InRange(gapShare, 0.01, 0.02);
        var longestRun = hours.Aggregate((Run: 0, Longest: 0), (acc, h) => h is null ? (acc.Run + 1, Math.Max(acc.Longest, acc.Run + 1)) : (0, acc.Longest)).Longest;
        Assert.Equal(2, longestRun);
    }

    [Fact]
    public void Precipitation_is_never_negative_and_mostly_zero()
    {
        var amounts = Enumerable.Range(0, 8760).Select(offset => Generator.At(Oslo, FirstHourOf2025 + offset)?.PrecipitationMillimetres).OfType<double>().ToList();

        Assert.All(amounts, amount => Assert.True(amount >= 0));
        Assert.InRange(amounts.Count(amount => amount == 0) / (double)amounts.Count, 0.55, 0.9);
    }

    [Fact]
    public void Summer_is_warmer_than_winter_and_afternoons_warmer_than_nights_in_the_north()
    {
        double MeanTemperature(IEnumerable<long> hours) =>
            hours.Select(hour => Generator.At(Oslo, hour)?.TemperatureCelsius).OfType<double>().Average();

        var january = Enumerable.Range(0, 31 * 24).Select(h => FirstHourOf2025 + h);
        var july = Enumerable.Range(181 * 24, 31 * 24).Select(h => FirstHourOf2025 + h);
        Assert.True(MeanTemperature(july) - MeanTemperature(january) > 12);

        var afternoons = Enumerable.Range(0, 365).Select(day => FirstHourOf2025 + (day * 24) + 14);
        var nights = Enumerable.Range(0, 365).Select(day => FirstHourOf2025 + (day * 24) + 3);
        Assert.True(MeanTemperature(afternoons) > MeanTemperature(nights) + 2);
    }

    [Fact]
    public void Hourly_changes_are_smooth()
    {
        var temperatures = Enumerable.Range(0, 8760).Select(offset => Generator.At(Oslo, FirstHourOf2025 + offset)?.TemperatureCelsius).ToList();

        var steps = temperatures.Zip(temperatures.Skip(1)).Where(p => p.First is not null && p.Second is not null).Select(p => Math.Abs(p.Second!.Value - p.First!.Value));
        Assert.True(steps.Max() < 3.0);
    }

    [Fact]
    public void Apparent_temperature_feels_colder_with_wind_and_warmer_with_humid_heat()
    {
        var windyCold = new HourlyWeather(TemperatureCelsius: -5, RelativeHumidityPercent: 80, WindSpeedMetresPerSecond: 8, PrecipitationMillimetres: 0);
        var humidHeat = new HourlyWeather(TemperatureCelsius: 30, RelativeHumidityPercent: 80, WindSpeedMetresPerSecond: 1, PrecipitationMillimetres: 0);

        Assert.True(windyCold.ApparentTemperatureCelsius < windyCold.TemperatureCelsius - 5);
        Assert.True(humidHeat.ApparentTemperatureCelsius > humidHeat.TemperatureCelsius + 3);
    }

    [Fact]
    public void The_same_seed_cell_and_hour_always_give_the_same_weather()
    {
        var again = new WeatherGenerator(20251115);

        Assert.All(Enumerable.Range(0, 500), offset => Assert.Equal(Generator.At(Oslo, FirstHourOf2025 + offset), again.At(Oslo, FirstHourOf2025 + offset)));
    }
}
