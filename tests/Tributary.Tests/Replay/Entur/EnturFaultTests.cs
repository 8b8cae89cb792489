using System.IO.Compression;
using System.Net;
using System.Text.Json;
using static Tributary.Tests.Replay.Entur.EnturRequests;

namespace Tributary.Tests.Replay.Entur;

public sealed class EnturFaultTests
{
    private static readonly object Variables = new { id = Jernbanetorget, start = "2025-01-15T07:00:00+01:00", range = 3600, n = 20 };

    [Fact]
    public async Task Server_error_answers_500_internal_server_error_with_the_quota_headers_and_can_be_switched_off()
    {
        await using var server = await RunningReplayServer.StartAsync();
        await server.SetFaultAsync("server-error");
        Assert.Equal("server-error", (await server.GetJsonAsync(FaultRoute)).GetProperty("mode").GetString());

        using (var failing = await server.PostGraphQLAsync(DocumentedQuery, Variables))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
            Assert.Equal("InternalServerError", (await JsonAsync(failing)).GetProperty("errors")[0].GetProperty("extensions").GetProperty("classification").GetString());
            Assert.Equal("1", Header(failing, "Rate-Limit-Used"));
        }

        var (gtfs, body) = await server.GetGtfsAsync();
        using (gtfs)
        {
            Assert.Equal(HttpStatusCode.InternalServerError, gtfs.StatusCode);
            Assert.Contains("<Code>InternalError</Code>", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);
        }

        using (var token = await server.RequestTokenJsonAsync())
        {
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        }

        await server.SetFaultAsync("none");
        using var healthy = await server.PostGraphQLAsync(DocumentedQuery, Variables);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    [Fact]
    public async Task Timeout_422_answers_api_processing_timeout()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: "--Replay:Entur:Fault=timeout-422");
        using var response = await server.PostGraphQLAsync(DocumentedQuery, Variables);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
            """{"errors":[{"message":"TIMEOUT! The request is too resource intensive.","locations":[],"extensions":{"classification":"ApiProcessingTimeout"}}]}""",
            await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task Malformed_json_answers_200_with_a_proxys_html_page()
    {
        await using var server = await RunningReplayServer.StartAsync();
        await server.SetFaultAsync("malformed-json");
        using var response = await server.PostGraphQLAsync(DocumentedQuery, Variables);
        var body = await response.Content.ReadAsStringAsync(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<html>", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Schema_drift_renames_expected_departure_time()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: "--Replay:Entur:Fault=schema-drift");
        using var response = await server.PostGraphQLAsync(DocumentedQuery, Variables);

        var calls = Calls(await DataAsync(response));
        Assert.NotEmpty(calls);
        Assert.All(calls, call =>
        {
            Assert.False(call.TryGetProperty("expectedDepartureTime", out _));
            Assert.True(call.TryGetProperty("expectedDeparture", out _));
        });
    }

    [Fact]
    public async Task Slow_holds_the_answer_back_until_the_replay_clock_has_moved_on()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: ["--Replay:Entur:Fault=slow", "--Replay:Entur:SlowResponseSeconds=20"]);
        var pending = server.PostGraphQLAsync(DocumentedQuery, Variables);

        // The answer needs 20 s of replay time after the request arrived; count how far the clock had to move.
        var advanced = TimeSpan.Zero;
        while (!pending.IsCompleted)
        {
            server.Time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(20), Cancellation));
            Assert.True(advanced < TimeSpan.FromMinutes(10), "the slow answer never came");
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(advanced >= TimeSpan.FromSeconds(20), $"answered after {advanced}");
        Assert.NotEmpty(Calls(await DataAsync(response)));
    }

    [Fact]
    public async Task Truncated_zip_serves_half_the_archive_which_does_not_open()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var (healthy, whole) = await server.GetGtfsAsync();
        healthy.Dispose();

        await server.SetFaultAsync("truncated-zip");
        var (response, half) = await server.GetGtfsAsync();
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(whole.Length / 2, half.Length);
            Assert.Equal(whole[..half.Length], half);
            Assert.ThrowsAny<InvalidDataException>(() => new ZipArchive(new MemoryStream(half), ZipArchiveMode.Read).Dispose());
        }

        using var planner = await server.PostGraphQLAsync(DocumentedQuery, Variables);
        Assert.Equal(HttpStatusCode.OK, planner.StatusCode);
        Assert.NotEmpty(Calls(await DataAsync(planner)));
    }

    [Fact]
    public async Task An_unknown_fault_mode_is_refused_and_changes_nothing()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostAsync($"{FaultRoute}?mode=meltdown");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("none", (await server.GetJsonAsync(FaultRoute)).GetProperty("mode").GetString());
    }

    [Theory]
    [InlineData("--Replay:Entur:QuotaPerMinute=-1", "Replay:Entur:QuotaPerMinute")]
    [InlineData("--Replay:Entur:Fault=sometimes", "Replay:Entur:Fault")]
    [InlineData("--Replay:Entur:TokenLifetimeSeconds=0", "Replay:Entur:TokenLifetimeSeconds")]
    [InlineData("--Replay:Entur:SlowResponseSeconds=-1", "Replay:Entur:SlowResponseSeconds")]
    public void Invalid_settings_fail_the_build_naming_the_setting(string setting, string key)
    {
        var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Tributary.Replay.ReplayServer.Build(["--urls", "http://127.0.0.1:0", setting]));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }
}
