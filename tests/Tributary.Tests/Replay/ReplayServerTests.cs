using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Tributary.Replay;

namespace Tributary.Tests.Replay;

public sealed class ReplayServerTests
{
    [Fact]
    public async Task The_index_lists_every_vendor_with_its_faults_and_the_seed()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var index = await server.GetJsonAsync("/");

        Assert.Equal(20251115, index.GetProperty("seed").GetInt32());
        var vendors = index.GetProperty("vendors").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!);
        Assert.Contains("open-meteo", vendors.Keys);
        Assert.Contains("schema-drift", vendors["open-meteo"].GetProperty("faults").EnumerateArray().Select(f => f.GetString()));
        using var healthz = await server.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        using var unknownVendor = await server.GetAsync("/_replay/faults/acme");
        Assert.Equal(HttpStatusCode.NotFound, unknownVendor.StatusCode);
    }

    [Fact]
    public async Task Without_urls_the_server_listens_on_the_default_loopback_port_and_given_urls_win()
    {
        await using var defaults = ReplayServer.Build([]);
        await using var given = ReplayServer.Build(["--urls", "http://127.0.0.1:7999"]);

        Assert.Equal("http://127.0.0.1:7080", defaults.Configuration[WebHostDefaults.ServerUrlsKey]);
        Assert.Equal("http://127.0.0.1:7999", given.Configuration[WebHostDefaults.ServerUrlsKey]);
    }

    [Theory]
    [InlineData("--Replay:OpenMeteo:MinutelyLimit=-1", "MinutelyLimit")]
    [InlineData("--Replay:OpenMeteo:Fault=sometimes", "Fault 'sometimes' must be one of none, server-error")]
    [InlineData("--Replay:OpenMeteo:Fault=truncated-zip", "Fault 'truncated-zip'")]
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
