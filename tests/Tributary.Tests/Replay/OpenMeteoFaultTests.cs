using System.Net;
using static Tributary.Tests.Replay.OpenMeteoQueries;

namespace Tributary.Tests.Replay;

public sealed class OpenMeteoFaultTests
{
    private const string ServerErrorBody = "{\"reason\":\"Something went wrong.\",\"error\":true}";
    private const string FaultRoute = "/_replay/faults/open-meteo";

    [Fact]
    public async Task A_configured_server_error_fault_answers_500_with_the_vendors_body()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: "--Replay:OpenMeteo:Fault=server-error");
        using var response = await server.GetAsync(Forecast($"{Oslo}&hourly=temperature_2m"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(ServerErrorBody, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_fault_can_be_switched_on_and_off_on_a_running_server()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var query = Archive($"{Oslo}&hourly=temperature_2m&start_date=2025-01-01&end_date=2025-01-02");

        using (var switchOn = await server.PostAsync($"{FaultRoute}?mode=server-error"))
        {
            Assert.Equal(HttpStatusCode.OK, switchOn.StatusCode);
        }

        using (var failing = await server.GetAsync(query))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
            Assert.Equal(ServerErrorBody, await failing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var state = await server.GetJsonAsync(FaultRoute);
        Assert.Equal("server-error", state.GetProperty("mode").GetString());

        using (var switchOff = await server.PostAsync($"{FaultRoute}?mode=none"))
        {
            Assert.Equal(HttpStatusCode.OK, switchOff.StatusCode);
        }

        using var healthy = await server.GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    [Fact]
    public async Task The_concurrency_fault_answers_the_vendors_429()
    {
        await using var server = await RunningReplayServer.StartAsync();
        (await server.PostAsync($"{FaultRoute}?mode=too-many-concurrent-requests")).Dispose();

        using var response = await server.GetAsync(Forecast($"{Oslo}&hourly=temperature_2m"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("{\"reason\":\"Too many concurrent requests\",\"error\":true}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_unknown_fault_mode_is_refused_and_changes_nothing()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostAsync($"{FaultRoute}?mode=meltdown");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("none", (await server.GetJsonAsync(FaultRoute)).GetProperty("mode").GetString());
    }
}
