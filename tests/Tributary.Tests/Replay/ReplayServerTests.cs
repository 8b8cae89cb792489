using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Tributary.Replay;

namespace Tributary.Tests.Replay;

public sealed class ReplayServerTests
{
    [Fact]
    public async Task The_index_lists_every_vendor_and_the_seed()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var index = await server.GetJsonAsync("/");

        Assert.Equal(20251115, index.GetProperty("seed").GetInt32());
        var vendors = index.GetProperty("vendors").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        Assert.Equal(["open-meteo", "entur", "openaq"], vendors.Keys);
        Assert.Equal(["GET /v1/forecast", "GET /v1/archive"], vendors["open-meteo"].GetProperty("endpoints").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("POST /journey-planner/v3/graphql", vendors["entur"].GetProperty("endpoints").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Healthz_answers_200()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_urls_the_server_listens_on_the_default_loopback_port()
    {
        await using var app = ReplayServer.Build([]);

        Assert.Equal("http://127.0.0.1:7080", app.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Fact]
    public async Task Given_urls_win_over_the_default()
    {
        await using var app = ReplayServer.Build(["--urls", "http://127.0.0.1:7999"]);

        Assert.Equal("http://127.0.0.1:7999", app.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Theory]
    [InlineData("--Replay:OpenMeteo:MinutelyLimit=-1", "Replay:OpenMeteo:MinutelyLimit")]
    [InlineData("--Replay:OpenMeteo:Fault=sometimes", "Replay:OpenMeteo:Fault")]
    [InlineData("--Replay:OpenMeteo:ArchiveLagDays=400", "Replay:OpenMeteo:ArchiveLagDays")]
    public void Invalid_settings_fail_the_build_naming_the_setting(string setting, string key)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => ReplayServer.Build(["--urls", "http://127.0.0.1:0", setting]));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_that_is_not_a_number_fails_the_build_naming_the_setting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => ReplayServer.Build(["--urls", "http://127.0.0.1:0", "--Replay:Seed=lucky"]));

        Assert.Contains("Replay:Seed", failure.Message, StringComparison.Ordinal);
    }
}
