using System.Text;
using Microsoft.Extensions.Configuration;
using Tributary.Configuration;
using Tributary.Curation;
using Tributary.Sources;
using Tributary.Sources.Manifests;
using Tributary.Sources.Mapping;

namespace Tributary.Tests.Sources;

/// <summary>
/// The declarative mapping on payloads shaped like other vendors' (rows of records, local times, epoch seconds,
/// flags in the payload), each manifest bound from configuration exactly as the app binds one.
/// </summary>
public sealed class DeclarativeMapperTests
{
    private static readonly IReadOnlyDictionary<string, City> Cities = TributaryOptions.DefaultCities.ToDictionary(c => c.Id);

    private static SourceManifest Manifest(Dictionary<string, string?> mapping, string fanOut = "Cities")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:Test:Id"] = "test-vendor",
            ["Sources:Test:BaseUrl"] = "https://vendor.example",
            ["Sources:Test:Request:Path"] = "/v1/readings",
            ["Sources:Test:FanOut:Over"] = fanOut,
        };
        if (fanOut == "Items")
        {
            settings["Sources:Test:FanOut:Items:0:Id"] = "station-7";
            settings["Sources:Test:FanOut:Items:0:City"] = "bergen";
            settings["Sources:Test:FanOut:Items:0:Attributes:Latitude"] = "60.39";
            settings["Sources:Test:FanOut:Items:0:Attributes:Longitude"] = "5.32";
        }
        foreach (var (key, value) in mapping) settings[$"Sources:Test:Mapping:{key}"] = value;
        return SourceManifests.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).Get("test-vendor");
    }

    private static MappingResult Map(SourceManifest manifest, string json, string? city = "oslo", string? item = null) =>
        new DeclarativeMapper(manifest, Cities).Map(Encoding.UTF8.GetBytes(json),
            new RawPageContext(manifest.Id, "test-vendor/2026/03/29/x/page.json", city, item, null,
                item is null ? null : manifest.FanOut.Items.Single(i => i.Id == item).Attributes));

    private static readonly Dictionary<string, string?> RowsOfReadings = new()
    {
        ["Records"] = "data.readings",
        ["Layout"] = "Rows",
        ["Time:Field"] = "observed",
        ["Time:Convention"] = "Local",
        ["Time:Zone"] = "Europe/Oslo",
        ["Location:From"] = "Fields",
        ["Location:IdFormat"] = "vendor:station:{id}",
        ["Location:IdField"] = "station.id",
        ["Location:LatitudeField"] = "station.lat",
        ["Location:LongitudeField"] = "station.lon",
        ["Values:0:Field"] = "temp_f",
        ["Values:0:Metric"] = "air_temperature",
        ["Values:0:Unit"] = "Cel",
        ["Values:0:VendorUnit"] = "°F",
        ["Values:1:Field"] = "rain.in",
        ["Values:1:Metric"] = "precipitation_amount",
        ["Values:1:Unit"] = "mm",
        ["Values:1:VendorUnit"] = "inch",
        ["Values:1:PeriodSeconds"] = "3600",
        ["Values:1:Label"] = "End",
        ["Flags:0:Field"] = "qc"
    };

    [Fact]
    public void Rows_with_naive_local_times_become_UTC_observations_in_canonical_units()
    {
        // 2026-03-29 is the spring-forward day in Oslo: 01:30 is CET (+01:00), 03:30 is CEST (+02:00).
        var result = Map(Manifest(RowsOfReadings), """
            {"data":{"readings":[
              {"observed":"2026-03-29T01:30:00","station":{"id":"A1","lat":59.9,"lon":10.7},"temp_f":32,"rain":{"in":0.5},"qc":false},
              {"observed":"2026-03-29T03:30:00","station":{"id":"A1","lat":59.9,"lon":10.7},"temp_f":212,"rain":{"in":null},"qc":true}
            ]}}
            """);
        Assert.Empty(result.Rejected);
        var temps = result.Observations.Where(o => o.Metric == Metrics.AirTemperature).OrderBy(o => o.TimestampUtc).ToList();
        Assert.Equal([new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero)],
            temps.Select(t => t.TimestampUtc));
        Assert.Equal([0.0, 100.0], temps.Select(t => t.Value!.Value)); // 32 °F and 212 °F
        Assert.Equal(QualityFlags.UnitConverted, temps[0].Flags);
        Assert.Equal(QualityFlags.UnitConverted | QualityFlags.SourceFlagged, temps[1].Flags);
        Assert.Equal(("vendor:station:A1", "oslo", 59.9, 10.7), (temps[0].LocationId, temps[0].CityId, temps[0].Latitude, temps[0].Longitude));

        // An hourly sum labelled by its end starts an hour earlier; 0.5 in is 12.7 mm; a null is Missing, never zero.
        var rain = result.Observations.Where(o => o.Metric == Metrics.PrecipitationAmount).OrderBy(o => o.TimestampUtc).ToList();
        Assert.Equal((new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), 3600, 12.7), (rain[0].TimestampUtc, rain[0].PeriodSeconds, rain[0].Value!.Value));
        Assert.Null(rain[1].Value);
        Assert.True(rain[1].Flags.HasFlag(QualityFlags.Missing));
    }

    [Fact]
    public void A_local_time_in_the_daylight_saving_gap_or_overlap_is_rejected_with_its_reason()
    {
        var result = Map(Manifest(RowsOfReadings), """
            {"data":{"readings":[
              {"observed":"2026-03-29T02:30:00","station":{"id":"A1"},"temp_f":50},
              {"observed":"2026-10-25T02:30:00","station":{"id":"A1"},"temp_f":50},
              {"observed":"2026-10-25T04:30:00","station":{"id":"A1"},"temp_f":50}
            ]}}
            """);
        Assert.Equal(["data.readings[0].observed", "data.readings[1].observed"], result.Rejected.Select(r => r.Locator));
        Assert.Contains("does not exist in Europe/Oslo", result.Rejected[0].Reason);
        Assert.Contains("happens twice", result.Rejected[1].Reason);
        // The third record is kept: 04:30 CET is 03:30 UTC. Its missing rain field is a Missing value, not a reject.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 3, 30, 0, TimeSpan.Zero),
            result.Observations.Single(o => o.Metric == Metrics.AirTemperature).TimestampUtc);
    }

    [Fact]
    public void A_record_without_its_location_id_is_rejected_and_the_others_kept()
    {
        var result = Map(Manifest(RowsOfReadings), """
            {"data":{"readings":[{"observed":"2026-01-05T10:00:00","temp_f":41},{"observed":"2026-01-05T10:00:00","station":{"id":7},"temp_f":41}]}}
            """);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(("data.readings[0].station.id", "location id 'station.id' is missing or empty"), (rejected.Locator, rejected.Reason));
        Assert.Equal("vendor:station:7", result.Observations.First().LocationId);
        Assert.Equal(5.0, result.Observations.Single(o => o.Metric == Metrics.AirTemperature).Value!.Value, 6);
    }

    [Fact]
    public void Epoch_seconds_an_item_location_and_flags_from_numbers_and_values()
    {
        var manifest = Manifest(new()
        {
            ["Records"] = "results",
            ["Time:Field"] = "ts",
            ["Time:Convention"] = "UnixSeconds",
            ["Location:From"] = "Item",
            ["Location:IdFormat"] = "vendor:{id}",
            ["Values:0:Field"] = "no2_ppb",
            ["Values:0:Metric"] = "no2",
            ["Values:0:Unit"] = "[ppm]",
            ["Values:0:VendorUnit"] = "ppb",
            ["Flags:0:Field"] = "coverage",
            ["Flags:0:Below"] = "75",
            ["Flags:0:Flag"] = "LowCoverage",
            ["Flags:1:Field"] = "status",
            ["Flags:1:EqualsValue"] = "estimated",
            ["Flags:1:Flag"] = "Interpolated",
        }, fanOut: "Items");
        var result = Map(manifest, """
            {"results":[{"ts":1767225600,"no2_ppb":20,"coverage":50,"status":"estimated"},{"ts":1767229200,"no2_ppb":"n/a","coverage":100}]}
            """, city: "bergen", item: "station-7");
        var o = Assert.Single(result.Observations);
        Assert.Equal((new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), 0.02), (o.TimestampUtc, o.Value!.Value));
        Assert.Equal(("vendor:station-7", "bergen", 60.39, 5.32), (o.LocationId, o.CityId, o.Latitude, o.Longitude));
        Assert.Equal(QualityFlags.UnitConverted | QualityFlags.LowCoverage | QualityFlags.Interpolated, o.Flags);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(("results[1].no2_ppb", "value is not a number or null", "\"n/a\""), (rejected.Locator, rejected.Reason, rejected.RawValue));
    }

    [Fact]
    public void Mass_concentrations_become_mixing_ratios_with_the_declared_molar_mass()
    {
        var result = Map(ShippedManifestsForAirQuality(), """
            {"latitude":59.9,"longitude":10.75,"utc_offset_seconds":0,"timezone":"GMT",
             "hourly_units":{"time":"iso8601","pm2_5":"μg/m³","nitrogen_dioxide":"μg/m³","ozone":"μg/m³"},
             "hourly":{"time":["2026-11-22T00:00"],"pm2_5":[7.3],"nitrogen_dioxide":[46.0055],"ozone":[null]}}
            """);
        Assert.Empty(result.Rejected);
        var byMetric = result.Observations.ToDictionary(o => o.Metric);
        Assert.Equal((7.3, "ug/m3", QualityFlags.None), (byMetric["pm25"].Value!.Value, byMetric["pm25"].Unit, byMetric["pm25"].Flags));
        // 46.0055 µg/m³ of NO2 (46.0055 g/mol) is 1 µmol/m³: 24.45 L/mol * 1e-6 mol/m³ = 0.02445 ppm.
        Assert.Equal((0.02445, "[ppm]", QualityFlags.UnitConverted), (byMetric["no2"].Value!.Value, byMetric["no2"].Unit, byMetric["no2"].Flags));
        Assert.Equal(QualityFlags.Missing, byMetric["o3"].Flags);
    }

    private static SourceManifest ShippedManifestsForAirQuality() => Testing.ShippedManifests.Get("open-meteo-air-quality");

    [Fact]
    public void A_unit_the_page_says_that_cannot_be_converted_rejects_that_field_once()
    {
        var result = Map(ShippedManifestsForAirQuality(), """
            {"utc_offset_seconds":0,"hourly_units":{"pm2_5":"grains/ft³"},"hourly":{"time":["2026-11-22T00:00"],"pm2_5":[7.3],"nitrogen_dioxide":[1],"ozone":[1]}}
            """);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(("hourly_units.pm2_5", "unit 'grains/ft³' cannot be converted to ug/m3"), (rejected.Locator, rejected.Reason));
        Assert.DoesNotContain(result.Observations, o => o.Metric == Metrics.Pm25);
        Assert.Equal(2, result.Observations.Count);
    }

    [Fact]
    public void A_bad_mapping_stops_start_up_naming_each_setting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Manifest(new()
        {
            ["Records"] = "data[0]",
            ["Time:Field"] = "",
            ["Time:Convention"] = "Local",
            ["Time:Zone"] = "Mars/Olympus",
            ["Time:Format"] = "HH:mm",
            ["Location:From"] = "Item",
            ["Values:0:Field"] = "pm",
            ["Values:0:Metric"] = "PM 2.5",
            ["Values:0:Unit"] = "ug/m3",
            ["Values:0:VendorUnit"] = "ppm",
            ["Values:1:Field"] = "rain",
            ["Values:1:Metric"] = "rain",
            ["Values:1:Unit"] = "mm",
            ["Values:1:Label"] = "End",
            ["Values:1:Min"] = "5",
            ["Values:1:Max"] = "1",
            ["Values:2:Field"] = "t",
            ["Values:2:Metric"] = "rain",
            ["Values:2:Unit"] = "degrees",
            ["Flags:0:Field"] = "f",
            ["Flags:0:Flag"] = "None",
        }));
        foreach (var expected in new[]
                 {
                     "Sources:Test:Mapping:Records 'data[0]'", "Sources:Test:Mapping:Time:Field ''", "Sources:Test:Mapping:Time:Zone 'Mars/Olympus'",
                     "Sources:Test:Mapping:Time:Format 'HH:mm'", "Sources:Test:Mapping:Location:From Item needs FanOut:Over Items",
                     "Sources:Test:Mapping:Values:0:Metric 'PM 2.5'", "Sources:Test:Mapping:Values:0:VendorUnit 'ppm' cannot be converted to ug/m3",
                     "Sources:Test:Mapping:Values:1:Label End needs PeriodSeconds", "Sources:Test:Mapping:Values:1: Min 5 is above Max 1",
                     "Sources:Test:Mapping:Values:2:Metric 'rain' is mapped twice", "Sources:Test:Mapping:Values:2:Unit 'degrees'",
                     "Sources:Test:Mapping:Flags:0:Flag 'None'",
                 })
        {
            Assert.Contains(expected, ex.Message);
        }
    }
}
