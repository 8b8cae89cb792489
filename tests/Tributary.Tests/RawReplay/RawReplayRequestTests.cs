using Tributary.Replay;

namespace Tributary.Tests.RawReplay;

/// <summary>Reading a replay request, its ids and its lineage: pure rules, each problem naming its parameter.</summary>
public sealed class RawReplayRequestTests
{
    [Fact]
    public void Both_days_are_included_and_a_leap_year_is_the_widest_range()
    {
        var request = RawReplayRequest.Parse("open-meteo", "2026-11-20", "2026-11-22");
        Assert.Equal(3, request.DayCount);
        Assert.Equal([new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 22)], request.Days);
        Assert.Equal(1, RawReplayRequest.Parse("open-meteo", "2026-11-20", "2026-11-20").DayCount);
        Assert.Equal(366, RawReplayRequest.Parse("open-meteo", "2024-01-01", "2024-12-31").DayCount);
        Assert.Equal("to", Assert.Throws<RawReplayException>(() => RawReplayRequest.Parse("open-meteo", "2024-01-01", "2025-01-01")).Parameter);
    }

    [Theory]
    [InlineData(null, "2026-11-20", "from", "'from' is required")]
    [InlineData("2026-11-20", " ", "to", "'to' is required")]
    [InlineData("2026-11-31", "2026-12-01", "from", "not '2026-11-31'")]
    [InlineData("20261120", "2026-11-21", "from", "yyyy-MM-dd")]
    [InlineData("2026-11-20", "2026-11-20T00:00:00Z", "to", "yyyy-MM-dd")]
    [InlineData("2026-11-22", "2026-11-21", "to", "'to' (2026-11-21) is before 'from' (2026-11-22)")]
    public void Bad_days_are_refused_naming_the_parameter(string? from, string? to, string parameter, string message)
    {
        var problem = Assert.Throws<RawReplayException>(() => RawReplayRequest.Parse("open-meteo", from, to));
        Assert.Equal(parameter, problem.Parameter);
        Assert.Contains(message, problem.Message);
    }

    [Theory]
    [InlineData("0", null, "generation")]
    [InlineData("10000", null, "generation")]
    [InlineData("-1", null, "generation")]
    [InlineData("two", null, "generation")]
    [InlineData(null, "maybe", "force")]
    [InlineData("2", "true", "force")]
    public void Bad_generations_and_force_flags_are_refused_naming_the_parameter(string? generation, string? force, string parameter) =>
        Assert.Equal(parameter, Assert.Throws<RawReplayException>(() => RawReplayRequest.Parse("open-meteo", "2026-11-20", "2026-11-20", generation, force)).Parameter);

    [Fact]
    public void Generation_and_force_are_read()
    {
        Assert.Equal((3, false), (RawReplayRequest.Parse("s", "2026-11-20", "2026-11-20", "3").Generation, false));
        Assert.True(RawReplayRequest.Parse("s", "2026-11-20", "2026-11-20", force: "true").Force);
        Assert.False(RawReplayRequest.Parse("s", "2026-11-20", "2026-11-20", force: "false").Force);
    }

    [Fact]
    public void Replay_ids_come_from_the_range_and_generation_and_read_back()
    {
        var id = RawReplayIds.For(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22), 12);
        Assert.Equal("20261120-20261122-g12", id);
        Assert.StartsWith(RawReplayIds.RangePrefix(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22)), id);
        Assert.True(RawReplayIds.TryParse(id, out var from, out var to, out var generation));
        Assert.Equal((new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 22), 12), (from, to, generation));
        foreach (var bad in new[] { null, "", "20261120-20261122", "20261120-20261122-g0", "20261120-20261122-g1|x", "20261320-20261122-g1", "x' or 'a' eq 'a" })
        {
            Assert.False(RawReplayIds.TryParse(bad, out _, out _, out _), bad);
        }
    }

    [Fact]
    public void A_replay_lineage_sorts_after_its_run_and_earlier_replays_of_it_but_before_any_later_run()
    {
        const string run = "20261122T0605Z";
        var first = ReplayLineage.RunId(run, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var second = ReplayLineage.RunId(run, new DateTimeOffset(2026, 12, 1, 9, 0, 0, 1, TimeSpan.Zero));
        Assert.Equal("20261122T0605Z.replay-20261201T090000000Z", first);
        string[] ordered = [run, first, second, "20261122T0705Z"];
        Assert.Equal(ordered, ordered.Order(StringComparer.Ordinal));
        // Mappers read the run time from the first 14 characters.
        Assert.Equal(run, first[..14]);
    }
}
