using System.Text;
using Tributary.Query;
using Tributary.Query.QualityReport;
using Tributary.Query.Raw;
using Tributary.Query.Status;
using Tributary.Testing;

namespace Tributary.Tests.Query;

/// <summary>The pure parts of the drill-down and status queries: raw names, continuation tokens, the quality trend.</summary>
public sealed class DrillQueryPartsTests
{
    private static readonly Tributary.Sources.Manifests.SourceManifests Manifests = ShippedManifests.Load();

    [Theory]
    [InlineData("open-meteo/2026/11/22/20261122T0605Z/oslo.json", "open-meteo", "application/json")]
    [InlineData("open-meteo/2026/11/22/20261122T0605Z/oslo.p2.json", "open-meteo", "application/json")]
    [InlineData("entur-gtfs/2026/11/22/20261122T0330Z/all.zip", "entur-gtfs", "application/zip")]
    public void Landed_page_names_parse_with_their_source_day_and_media_type(string name, string source, string mediaType)
    {
        var parsed = RawBlobName.Parse(name, Manifests);
        Assert.Equal((source, new DateOnly(2026, 11, 22), mediaType), (parsed.Source, parsed.Day, parsed.MediaType));
    }

    [Theory]
    [InlineData("")]
    [InlineData("open-meteo/2026/11/22/../oslo.json")]
    [InlineData("open-meteo/2026/11/22/run/../../x.json")]
    [InlineData("open-meteo/2026/11/22/run/./oslo.json")]
    [InlineData("open-meteo%2F2026%2F11%2F22%2Frun%2Foslo.json")]
    [InlineData("open-meteo\\2026\\11\\22\\run\\oslo.json")]
    [InlineData("/open-meteo/2026/11/22/run/oslo.json")]
    [InlineData("open-meteo/2026/11/22/run/oslo.json/")]
    [InlineData("open-meteo/2026/02/30/run/oslo.json")]
    [InlineData("open-meteo/2026/11/22/run/oslo")]
    [InlineData("open-meteo/2026/11/22/run/oslo.json.rejects.json/x")]
    [InlineData("open-meteo/2026/11/22/run/osl'o.json")]
    [InlineData("open-meteo/2026/11/22/run/oslø.json")]
    public void Names_that_are_not_of_a_landed_page_are_bad_requests_naming_blob(string name)
    {
        var ex = Assert.Throws<KpiQueryException>(() => RawBlobName.Parse(name, Manifests));
        Assert.Equal("blob", ex.Parameter);
    }

    [Theory]
    [InlineData("quarantine/2026/11/22/run/oslo.json")]
    [InlineData("kpis/2026/11/22/run/oslo.json")]
    [InlineData("openaq/2026/11/22/run/not-a-sensor.json")]
    public void Well_formed_names_no_source_lands_are_not_found(string name)
    {
        var ex = Assert.Throws<QueryNotFoundException>(() => RawBlobName.Parse(name, Manifests));
        Assert.Equal("blob", ex.Parameter);
    }

    [Fact]
    public void A_continuation_round_trips_and_any_change_is_refused_naming_continuation()
    {
        const string sdk = "MSFvcGVuLW1ldGVv 9223372036854775807|20261122T0605Z";
        var token = RunContinuation.Encode("open-meteo", sdk);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.Equal(sdk, RunContinuation.Decode("open-meteo", token));

        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes("open-meteo\nx' or PartitionKey ne ' y")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        foreach (var bad in new[] { "%%%", token[..^2], token + "A", RunContinuation.Encode("openaq", sdk), RunContinuation.Encode("open-meteo", "no-space"), forged, new string('A', 3000) })
        {
            Assert.Equal("continuation", Assert.Throws<KpiQueryException>(() => RunContinuation.Decode("open-meteo", bad)).Parameter);
        }
    }

    [Fact]
    public void The_trend_is_the_least_squares_slope_and_the_last_7_days_against_the_7_before()
    {
        var to = new DateOnly(2026, 11, 30);
        // Score rising by 0.01 a day over 14 days: slope 0.01, the last week's mean 0.07 above the week before.
        var scores = Enumerable.Range(0, 14).Select(i => (to.AddDays(-13 + i), 0.8 + 0.01 * i)).ToList();
        var trend = QualityTrend.Of(to, scores);
        Assert.Equal(14, trend.ScoredDays);
        Assert.Equal(0.01, trend.SlopePerDay!.Value, 9);
        Assert.Equal(0.90, trend.Last7Mean!.Value, 9);
        Assert.Equal(0.83, trend.Previous7Mean!.Value, 9);
        Assert.Equal(0.07, trend.Change7!.Value, 9);

        var one = QualityTrend.Of(to, [(to, 0.5)]);
        Assert.Equal((1, null, 0.5, null, null), (one.ScoredDays, one.SlopePerDay, one.Last7Mean, one.Previous7Mean, one.Change7));
        Assert.Null(QualityTrend.Of(to, []).Last7Mean);
    }
}
