using System.Text;
using Tributary.Configuration;
using Tributary.Curation;
using Tributary.Sources;
using Tributary.Sources.OpenAq;

namespace Tributary.Tests.Sources;

public sealed class OpenAqHoursMapperTests
{
    private static readonly OpenAqHoursMapper Mapper = new(TributaryOptions.DefaultCities.ToDictionary(c => c.Id));
    private static readonly RawPageContext Oslo = new("openaq", "openaq/2025/01/15/20250115T0820Z/3001-1.json", "oslo", "3001");

    private static string Hour(string value = "7.4", bool hasFlags = false, string name = "pm25", string units = "µg/m³",
        string from = "2025-01-15T06:00:00Z", string to = "2025-01-15T07:00:00Z", string percentComplete = "100.0", string valueKey = "value") => $$"""
        { "{{valueKey}}": {{value}}, "flagInfo": { "hasFlags": {{(hasFlags ? "true" : "false")}} },
          "parameter": { "id": 2, "name": "{{name}}", "units": "{{units}}", "displayName": null },
          "period": { "label": "1hour", "interval": "01:00:00",
            "datetimeFrom": { "utc": "{{from}}", "local": "2025-01-15T07:00:00+01:00" },
            "datetimeTo": { "utc": "{{to}}", "local": "2025-01-15T08:00:00+01:00" } },
          "coordinates": null, "summary": null,
          "coverage": { "expectedCount": 1, "observedCount": 1, "percentComplete": {{percentComplete}}, "percentCoverage": {{percentComplete}} } }
        """;

    private static MappingResult Map(params string[] hours) => Mapper.Map(Encoding.UTF8.GetBytes($$"""
        { "meta": { "name": "openaq-api", "website": "/", "page": 1, "limit": 1000, "found": {{hours.Length}} }, "results": [{{string.Join(',', hours)}}] }
        """), Oslo);

    [Fact]
    public void An_hour_labelled_by_its_end_starts_at_datetimeFrom_with_a_one_hour_period()
    {
        var result = Map(Hour());

        Assert.Empty(result.Rejected);
        var o = Assert.Single(result.Observations);
        Assert.Equal(new DateTimeOffset(2025, 1, 15, 6, 0, 0, TimeSpan.Zero), o.TimestampUtc);
        Assert.Equal((3600, Metrics.Pm25, "ug/m3", 7.4, QualityFlags.None), (o.PeriodSeconds, o.Metric, o.Unit, o.Value, o.Flags));
        Assert.Equal(("openaq:sensor:3001", "oslo", "openaq"), (o.LocationId, o.CityId, o.Source));
    }

    [Fact]
    public void Coordinates_come_from_the_manifest_item_and_the_sensor_becomes_a_dimension_row()
    {
        var context = Oslo with { ItemAttributes = new Dictionary<string, string> { ["latitude"] = "59.9326", ["longitude"] = "10.7247", ["station"] = "Kirkeveien", ["parameter"] = "pm25" } };

        var result = Mapper.Map(Encoding.UTF8.GetBytes($$"""{ "results": [{{Hour()}}] }"""), context);

        var o = Assert.Single(result.Observations);
        Assert.Equal((59.9326, 10.7247), (o.Latitude, o.Longitude));
        var sensor = Assert.Single(result.Dimensions);
        Assert.Equal(("sensor", "openaq:sensor:3001", "Kirkeveien", "oslo", "59.9326"),
            (sensor.Kind, sensor.Id, sensor.Attributes["station"], sensor.Attributes["city"], sensor.Attributes["latitude"]));
    }

    [Fact]
    public void A_null_value_with_vendor_flags_is_kept_as_missing_and_source_flagged()
    {
        var o = Assert.Single(Map(Hour(value: "null", hasFlags: true)).Observations);

        Assert.Null(o.Value);
        Assert.Equal(QualityFlags.Missing | QualityFlags.SourceFlagged, o.Flags);
    }

    [Fact]
    public void Low_coverage_hours_are_flagged()
    {
        Assert.Equal(QualityFlags.LowCoverage, Assert.Single(Map(Hour(percentComplete: "50.0")).Observations).Flags);
        Assert.Equal(QualityFlags.None, Assert.Single(Map(Hour(percentComplete: "75.0")).Observations).Flags);
    }

    [Theory]
    [InlineData("\u00B5g/m\u00B3")] // MICRO SIGN, as OpenAQ writes it
    [InlineData("\u03BCg/m\u00B3")] // GREEK SMALL LETTER MU
    [InlineData("ug/m3")]
    public void Both_micro_signs_mean_micrograms(string units)
    {
        var o = Assert.Single(Map(Hour(units: units)).Observations);

        Assert.Equal(("ug/m3", 7.4, QualityFlags.None), (o.Unit, o.Value, o.Flags));
    }

    [Fact]
    public void Gases_stay_in_ppm_and_ppb_is_converted()
    {
        var result = Map(Hour(name: "no2", units: "ppm", value: "0.0213"), Hour(name: "o3", units: "ppb", value: "31.5", from: "2025-01-15T07:00:00Z", to: "2025-01-15T08:00:00Z"));

        Assert.Equal([(Metrics.No2, "[ppm]", 0.0213, QualityFlags.None), (Metrics.O3, "[ppm]", 0.0315, QualityFlags.UnitConverted)],
            result.Observations.Select(o => (o.Metric, o.Unit, o.Value!.Value, o.Flags)));
    }

    [Fact]
    public void Out_of_range_values_are_kept_and_flagged()
    {
        Assert.Equal(QualityFlags.OutOfRange, Assert.Single(Map(Hour(value: "1500")).Observations).Flags);
    }

    [Fact]
    public void A_renamed_value_field_an_unknown_parameter_or_a_bad_period_is_rejected_with_the_reason()
    {
        var result = Map(Hour(valueKey: "val"), Hour(name: "bc"), Hour(from: "2025-01-15T07:00:00Z", to: "2025-01-15T06:00:00Z"), Hour(units: "mg/kg"), Hour(value: "\"7.4\""));

        Assert.Empty(result.Observations);
        Assert.Equal(["results[0]", "results[1]", "results[2]", "results[3]", "results[4]"], result.Rejected.Select(r => r.Locator));
        Assert.Contains("'value' is missing", result.Rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'bc'", result.Rejected[1].Reason, StringComparison.Ordinal);
        Assert.Contains("period", result.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.Contains("mg/kg", result.Rejected[3].Reason, StringComparison.Ordinal);
        Assert.Contains("not a number", result.Rejected[4].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_results_or_without_a_sensor_is_malformed()
    {
        Assert.Throws<MalformedPayloadException>(() => Mapper.Map("""{ "meta": {} }"""u8.ToArray(), Oslo));
        Assert.Throws<MalformedPayloadException>(() => Mapper.Map("""{ "results": [] }"""u8.ToArray(), Oslo with { ItemId = null }));
        Assert.Throws<MalformedPayloadException>(() => Mapper.Map("""{ "results": [ { "value": 1"""u8.ToArray(), Oslo));
    }
}
