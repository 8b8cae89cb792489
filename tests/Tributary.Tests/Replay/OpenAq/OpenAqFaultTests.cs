using System.Net;
using System.Text.Json;

namespace Tributary.Tests.Replay.OpenAq;

/// <summary>Scripted faults switched at <c>/_replay/faults/openaq</c>, each replacing or spoiling the data answer.</summary>
public sealed class OpenAqFaultTests
{
    private static readonly string HoursPath = OpenAqRequests.Hours(OpenAqRequests.OsloPm25, "2025-01-15T06:00:00Z", "2025-01-15T08:00:00Z");

    private static async Task<RunningReplayServer> WithFaultAsync(string mode)
    {
        var server = await RunningReplayServer.StartAsync();
        using var set = await server.PostAsync($"/_replay/faults/openaq?mode={mode}");
        set.EnsureSuccessStatusCode();
        return server;
    }

    private static async Task<(HttpStatusCode Status, string Body)> HoursAsync(RunningReplayServer server)
    {
        using var response = await server.GetWithKeyAsync(HoursPath);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(OpenAqRequests.Ct));
    }

    [Theory]
    [InlineData("server-error", HttpStatusCode.InternalServerError, "Internal Server Error")]
    [InlineData("timeout-408", HttpStatusCode.RequestTimeout, "Request timeout")]
    public async Task Error_faults_answer_every_data_call_with_the_vendors_detail(string mode, HttpStatusCode status, string detail)
    {
        await using var server = await WithFaultAsync(mode);

        var first = await HoursAsync(server);
        var second = await HoursAsync(server);

        Assert.Equal((status, status), (first.Status, second.Status));
        Assert.Equal(detail, JsonDocument.Parse(first.Body).RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_server_error_burst_answers_two_500s_then_recovers()
    {
        await using var server = await WithFaultAsync("server-error-burst");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await HoursAsync(server)).Status);

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task A_truncated_body_is_200_with_half_the_JSON()
    {
        await using var server = await WithFaultAsync("truncated-body");

        var (status, body) = await HoursAsync(server);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("{\"meta\":", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Malformed_json_is_200_with_a_body_that_is_not_JSON()
    {
        await using var server = await WithFaultAsync("malformed-json");

        var (status, body) = await HoursAsync(server);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Schema_drift_renames_value_to_val_in_hourly_results()
    {
        await using var server = await WithFaultAsync("schema-drift");

        var (status, body) = await HoursAsync(server);

        Assert.Equal(HttpStatusCode.OK, status);
        var results = JsonDocument.Parse(body).RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.TryGetProperty("val", out _) && !r.TryGetProperty("value", out _)));
    }

    [Fact]
    public async Task Slow_holds_the_answer_back_until_the_replay_clock_has_moved_on()
    {
        await using var server = await RunningReplayServer.StartAsync(null, "--Replay:OpenAq:Fault=slow", "--Replay:OpenAq:SlowResponseSeconds=20");
        var pending = server.GetWithKeyAsync(HoursPath);

        // The answer needs 20 s of replay time after the request arrived; count how far the clock had to move.
        var advanced = TimeSpan.Zero;
        while (!pending.IsCompleted)
        {
            server.Time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            try
            {
                await pending.WaitAsync(TimeSpan.FromMilliseconds(20), OpenAqRequests.Ct);
            }
            catch (TimeoutException)
            {
                // Not yet: move the clock on.
            }
            Assert.True(advanced < TimeSpan.FromMinutes(10), "the slow answer never came");
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(advanced >= TimeSpan.FromSeconds(20), $"answered after {advanced}");
    }

    [Fact]
    public async Task The_switch_starts_from_configuration_reads_back_and_refuses_unknown_modes()
    {
        await using var server = await RunningReplayServer.StartAsync(null, "--Replay:OpenAq:Fault=timeout-408");

        var initial = await server.GetJsonAsync("/_replay/faults/openaq");
        var configured = await HoursAsync(server);
        using var unknown = await server.PostAsync("/_replay/faults/openaq?mode=sometimes");
        using var none = await server.PostAsync("/_replay/faults/openaq?mode=none");
        var recovered = await HoursAsync(server);

        Assert.Equal(("openaq", "timeout-408"), (initial.GetProperty("vendor").GetString(), initial.GetProperty("mode").GetString()));
        Assert.Equal(HttpStatusCode.RequestTimeout, configured.Status);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (unknown.StatusCode, none.StatusCode));
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
    }

    [Fact]
    public async Task Faults_come_after_the_key_check()
    {
        await using var server = await WithFaultAsync("server-error");

        using var response = await server.GetWithKeyAsync(HoursPath, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
