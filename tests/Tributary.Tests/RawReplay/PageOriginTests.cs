using Tributary.Replay;
using Tributary.Testing;

namespace Tributary.Tests.RawReplay;

/// <summary>What a landed page's name and the source's manifest say a curate message needs: run id, city and fan-out item.</summary>
public sealed class PageOriginTests
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    private static (string RunId, string? City, string? Item)? Resolve(string source, string name, out string? reason) =>
        PageOrigin.Resolve(name, LandedPages.DayPrefix(source, Day), ShippedManifests.Load().Enabled.FirstOrDefault(m => m.Id == source), out reason);

    [Theory]
    [InlineData("open-meteo/2026/11/22/20261122T0605Z/oslo.json", "20261122T0605Z", "oslo")]
    [InlineData("open-meteo/2026/11/22/20261122T0000Z.backfill/bergen.json", "20261122T0000Z.backfill", "bergen")]
    [InlineData("open-meteo/2026/11/22/20261122T0605Z/trondheim.p2.json", "20261122T0605Z", "trondheim")]
    public void A_page_of_a_city_fan_out_is_named_by_its_city(string name, string runId, string city)
    {
        Assert.Equal((runId, city, null), Resolve("open-meteo", name, out var reason));
        Assert.Null(reason);
    }

    [Fact]
    public void A_page_of_an_item_fan_out_is_the_manifest_item_whose_key_it_carries()
    {
        Assert.Equal(("20261122T0600Z", "oslo", "NSR:StopPlace:58366"), Resolve("entur-jp", "entur-jp/2026/11/22/20261122T0600Z/NSR:StopPlace:58366.json", out _));
        Assert.Equal(("20261122T0600Z", "oslo", "3001"), Resolve("openaq", "openaq/2026/11/22/20261122T0600Z/3001.p3.json", out _));
        Assert.Null(Resolve("entur-jp", "entur-jp/2026/11/22/20261122T0600Z/NSR:StopPlace:1.json", out var reason));
        Assert.Contains("matches no item", reason);
    }

    [Fact]
    public void A_page_without_fan_out_has_neither_city_nor_item()
    {
        Assert.Equal(("20261122T0330Z", null, null), Resolve("entur-gtfs", "entur-gtfs/2026/11/22/20261122T0330Z/all.zip", out _));
        Assert.Equal(("r1", null, null), Resolve("pushed-only", "pushed-only/2026/11/22/r1/upload.csv", out _));
    }

    [Theory]
    [InlineData("open-meteo/2026/11/22/oslo.json")]
    [InlineData("open-meteo/2026/11/22/20261122T0605Z/extra/oslo.json")]
    [InlineData("open-meteo/2026/11/22//oslo.json")]
    [InlineData("open-meteo/2026/11/22/20261122T0605Z/.json")]
    public void A_name_that_is_not_a_landed_page_is_reported(string name)
    {
        Assert.Null(Resolve("open-meteo", name, out var reason));
        Assert.Contains("{runId}/{page}.{ext}", reason);
    }
}
