using System.Text;
using Tributary.Configuration;
using Tributary.Curation;
using Tributary.Sources;
using Tributary.Sources.Mapping;
using Tributary.Testing;

namespace Tributary.Tests.Sources;

/// <summary>Open-Meteo is a declared source: these tests read its shipped manifest's Mapping, not a mapper class.</summary>
public sealed class OpenMeteoMapperTests
{
    private static readonly DeclarativeMapper Mapper = new(ShippedManifests.Get("open-meteo"), TributaryOptions.DefaultCities.ToDictionary(c => c.Id));
    private static readonly RawPageContext Oslo = new("open-meteo", "open-meteo/2026/11/22/20261122T0605Z/oslo.json", "oslo");

    private static string Payload(int offsetSeconds = 0, string windUnit = "m/s", string times = "\"2026-11-22T00:00\",\"2026-11-22T01:00\"",
        string temperature = "[-4.2,null]", string wind = "[3.1,2.8]", string precipitation = "[0.0,0.4]") => $$"""
        {"latitude":59.92,"longitude":10.76,"generationtime_ms":0.38,"utc_offset_seconds":{{offsetSeconds}},"timezone":"GMT",
         "hourly_units":{"time":"iso8601","temperature_2m":"°C","apparent_temperature":"°C","relative_humidity_2m":"%","wind_speed_10m":"{{windUnit}}","precipitation":"mm"},
         "hourly":{"time":[{{times}}],"temperature_2m":{{temperature}},"apparent_temperature":[-9.8,-10.3],
                   "relative_humidity_2m":[86,88],"wind_speed_10m":{{wind}},"precipitation":{{precipitation}} } }
        """;

    private static MappingResult Map(string json) => Mapper.Map(Encoding.UTF8.GetBytes(json), Oslo);

    [Fact]
    public void Naive_GMT_labels_become_UTC_instants_keyed_by_the_requested_city()
    {
        var result = Map(Payload());
        Assert.Empty(result.Rejected);
        Assert.Equal(10, result.Observations.Count);
        var first = result.Observations.First(o => o.Metric == Metrics.ApparentTemperature);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), first.TimestampUtc);
        Assert.Equal(TimeSpan.Zero, first.TimestampUtc.Offset);
        Assert.Equal(("oslo", "city:oslo", 59.9139, 10.7522), (first.CityId, first.LocationId, first.Latitude!.Value, first.Longitude!.Value));
        Assert.Equal(("Cel", 0, -9.8), (first.Unit, first.PeriodSeconds, first.Value!.Value));
    }

    [Fact]
    public void Precipitation_is_the_sum_of_the_hour_before_its_label()
    {
        var rain = Map(Payload()).Observations.Where(o => o.Metric == Metrics.PrecipitationAmount).ToList();
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero), rain[0].TimestampUtc);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), rain[1].TimestampUtc);
        Assert.All(rain, r => Assert.Equal((3600, "mm"), (r.PeriodSeconds, r.Unit)));
        Assert.Equal(0.4, rain[1].Value);
    }

    [Fact]
    public void Null_values_are_kept_as_missing_never_as_zero()
    {
        var missing = Map(Payload()).Observations.Single(o => o.Metric == Metrics.AirTemperature && o.TimestampUtc.Hour == 1);
        Assert.Null(missing.Value);
        Assert.Equal(QualityFlags.Missing, missing.Flags);
    }

    [Fact]
    public void Wind_served_in_kmh_is_converted_to_metres_per_second_and_flagged()
    {
        var wind = Map(Payload(windUnit: "km/h", wind: "[36.0,18.0]")).Observations.Where(o => o.Metric == Metrics.WindSpeed).ToList();
        Assert.Equal([10.0, 5.0], wind.Select(w => w.Value!.Value));
        Assert.All(wind, w => Assert.Equal(("m/s", QualityFlags.UnitConverted), (w.Unit, w.Flags)));
    }

    [Fact]
    public void Values_outside_the_plausible_range_are_kept_and_flagged()
    {
        var hot = Map(Payload(temperature: "[75.0,-4.0]")).Observations.First(o => o.Metric == Metrics.AirTemperature);
        Assert.Equal((75.0, QualityFlags.OutOfRange), (hot.Value!.Value, hot.Flags));
    }

    [Fact]
    public void A_response_with_a_named_zone_offset_is_shifted_back_to_UTC()
    {
        var first = Map(Payload(offsetSeconds: 3600)).Observations.First(o => o.Metric == Metrics.ApparentTemperature);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 23, 0, 0, TimeSpan.Zero), first.TimestampUtc);
    }

    [Fact]
    public void A_bad_time_label_rejects_that_hour_with_a_reason_and_keeps_the_others()
    {
        var result = Map(Payload(times: "\"2026-11-22T00:00\",\"22/11/2026 01h\""));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("hourly.time[1]", rejected.Locator);
        Assert.Contains("yyyy-MM-ddTHH:mm", rejected.Reason);
        Assert.Equal(5, result.Observations.Count);
    }

    [Fact]
    public void A_non_number_value_is_rejected_with_its_raw_text()
    {
        var rejected = Assert.Single(Map(Payload(temperature: "[\"warm\",1.0]")).Rejected);
        Assert.Equal(("hourly.temperature_2m[0]", "\"warm\""), (rejected.Locator, rejected.RawValue));
    }

    [Theory]
    [InlineData("not json at all", "is not JSON")]
    [InlineData("[{\"hourly\":{}}]", "expected one location object")]
    [InlineData("{\"latitude\":1}", "no 'hourly.time' array")]
    public void An_unreadable_page_is_a_malformed_payload_naming_the_blob(string json, string reason)
    {
        var ex = Assert.Throws<MalformedPayloadException>(() => Map(json));
        Assert.Contains(reason, ex.Message);
        Assert.Contains(Oslo.BlobName, ex.Message);
    }

    [Fact]
    public void Columns_of_different_lengths_are_a_malformed_payload()
    {
        var ex = Assert.Throws<MalformedPayloadException>(() => Map(Payload(wind: "[3.1]")));
        Assert.Contains("wind_speed_10m has 1 values for 2 times", ex.Message);
    }

    [Fact]
    public void A_page_for_an_unknown_city_is_a_malformed_payload()
    {
        Assert.Throws<MalformedPayloadException>(() => Mapper.Map(Encoding.UTF8.GetBytes(Payload()), Oslo with { CityId = "paris" }));
    }
}
