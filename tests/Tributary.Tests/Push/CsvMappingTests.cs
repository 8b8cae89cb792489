using System.Text;
using Tributary.Configuration;
using Tributary.Curation;
using Tributary.Sources;
using Tributary.Sources.Mapping;
using Tributary.Testing;

namespace Tributary.Tests.Push;

/// <summary>
/// CSV uploads read through the shipped <c>city-counters</c> manifest's declarative mapping: each row a record whose
/// fields are its columns, the city named by the row, and every row that cannot be used rejected with its line and reason.
/// </summary>
public sealed class CsvMappingTests
{
    private static readonly IReadOnlyDictionary<string, City> Cities = TributaryOptions.DefaultCities.ToDictionary(c => c.Id);
    private static readonly DeclarativeMapper Mapper = new(ShippedManifests.Get("city-counters"), Cities);

    private static MappingResult Map(string text, string extension = "csv") =>
        Mapper.Map(Encoding.UTF8.GetBytes(text), new RawPageContext("city-counters", $"city-counters/2026/11/22/20261122T1000Z.push-abc/upload.{extension}", null));

    [Fact]
    public void Each_row_becomes_one_observation_per_value_at_its_city_in_utc()
    {
        var result = Map("time,city,cyclists,pedestrians\n2026-11-22T08:00:00Z,oslo,120,340\n2026-11-22T09:00:00Z,Bergen,75,210\n");
        Assert.Empty(result.Rejected);
        Assert.Equal(4, result.Observations.Count);
        var oslo = result.Observations.Single(o => o.CityId == "oslo" && o.Metric == "cyclist_count");
        Assert.Equal(120, oslo.Value);
        Assert.Equal(("city:oslo", "1", 3600), (oslo.LocationId, oslo.Unit, oslo.PeriodSeconds));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero), oslo.TimestampUtc);
        Assert.Equal(Cities["oslo"].Latitude, oslo.Latitude);
        // A city id in another case is the same configured city.
        var bergen = result.Observations.Single(o => o.CityId == "bergen" && o.Metric == "pedestrian_count");
        Assert.Equal((210d, "city:bergen"), (bergen.Value!.Value, bergen.LocationId));
        Assert.All(result.Observations, o => Assert.Equal(QualityFlags.None, o.Flags));
    }

    [Fact]
    public void A_json_upload_of_the_same_rows_maps_to_the_same_observations()
    {
        var csv = Map("time,city,cyclists,pedestrians\n2026-11-22T08:00:00Z,oslo,120,340\n");
        var json = Map("""[{"time":"2026-11-22T08:00:00Z","city":"oslo","cyclists":120,"pedestrians":340}]""", "json");
        Assert.Equal(csv.Observations, json.Observations);
    }

    [Fact]
    public void Bom_crlf_quoted_fields_extra_and_reordered_columns_are_read()
    {
        var result = Map("\uFEFFcity,\"time\",note,pedestrians,cyclists\r\ntrondheim,2026-11-22T10:00:00Z,\"counter 3, east side\",\"1,5\",7\r\n");
        var cyclists = result.Observations.Single(o => o.Metric == "cyclist_count");
        Assert.Equal((7d, "trondheim"), (cyclists.Value!.Value, cyclists.CityId));
        // "1,5" is not an invariant-culture number: rejected with its place, never read as 15 or 1.5.
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(("line 2:pedestrians", "value is not a number or null"), (rejected.Locator, rejected.Reason));
    }

    [Fact]
    public void Unusable_rows_are_rejected_with_their_line_and_reason_and_the_others_kept()
    {
        var result = Map(string.Join('\n',
            "time,city,cyclists,pedestrians",
            "2026-11-22T08:00:00Z,oslo,120,340",      // line 2: fine
            "yesterday,oslo,1,2",                     // line 3: bad time
            "2026-11-22T08:00:00Z,stavanger,1,2",     // line 4: unknown city
            "2026-11-22T08:00:00Z,oslo,many,2",       // line 5: one value not a number
            "2026-11-22T08:00:00Z,oslo,1",            // line 6: too few fields
            "2026-11-22T09:00:00Z,bergen,,5",         // line 7: an empty cell is a missing value
            "2026-11-22T08:00:00Z,,1,2",              // line 8: no city
            ""));
        var reasons = result.Rejected.Select(r => (r.Locator, r.Reason)).ToList();
        Assert.Contains(("line 3:time", "time is not an ISO 8601 time"), reasons);
        Assert.Contains(reasons, r => r.Locator == "line 4:city" && r.Reason.StartsWith("city 'stavanger' is not a configured city (bergen, oslo, trondheim)", StringComparison.Ordinal));
        Assert.Contains(("line 5:cyclists", "value is not a number or null"), reasons);
        Assert.Contains(("line 6", "the row has 3 field(s), the header 4"), reasons);
        Assert.Contains(("line 8:city", "city field 'city' is missing or empty"), reasons);
        Assert.Equal(5, result.Rejected.Count);
        Assert.Equal("2026-11-22T08:00:00Z,oslo,1", result.Rejected.Single(r => r.Locator == "line 6").RawValue);

        // Line 2 both values, line 5 its pedestrians, line 7 both (one of them missing).
        Assert.Equal(5, result.Observations.Count);
        var missing = result.Observations.Single(o => o.CityId == "bergen" && o.Metric == "cyclist_count");
        Assert.Equal((null, QualityFlags.Missing), (missing.Value, missing.Flags));
    }

    [Fact]
    public void Out_of_range_counts_are_kept_and_flagged()
    {
        var result = Map("time,city,cyclists,pedestrians\n2026-11-22T08:00:00Z,oslo,-3,100001\n");
        Assert.All(result.Observations, o => Assert.True(o.Flags.HasFlag(QualityFlags.OutOfRange)));
    }

    [Fact]
    public void A_quoted_field_across_lines_keeps_the_line_numbers_of_the_rows_after_it()
    {
        var result = Map("time,city,cyclists,pedestrians\n2026-11-22T08:00:00Z,\"oslo\nwest\",1,2\n2026-11-22T08:00:00Z,oslo,x,2\n");
        Assert.Contains(result.Rejected, r => r.Locator == "line 2:city");
        Assert.Contains(result.Rejected, r => r.Locator == "line 4:cyclists");
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("time,city,cyclists\n2026-11-22T08:00:00Z,oslo,1\n", "lacks column(s) 'pedestrians'")]
    [InlineData("time,city,cyclists,pedestrians,city\n", "names 'city' more than once")]
    public void An_upload_without_its_header_cannot_be_read_at_all(string csv, string reason)
    {
        var ex = Assert.Throws<MalformedPayloadException>(() => Map(csv));
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public void A_csv_page_of_a_source_that_reads_json_only_is_refused_whole()
    {
        var pulled = new DeclarativeMapper(ShippedManifests.Get("open-meteo"), Cities);
        var ex = Assert.Throws<MalformedPayloadException>(() => pulled.Map(Encoding.UTF8.GetBytes("time\n"), new RawPageContext("open-meteo", "open-meteo/x/oslo.csv", "oslo")));
        Assert.Contains("reads JSON only", ex.Message);
    }
}
