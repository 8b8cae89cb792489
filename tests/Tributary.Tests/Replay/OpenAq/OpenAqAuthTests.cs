using System.Net;

namespace Tributary.Tests.Replay.OpenAq;

/// <summary>The WAF's and the API's 401s, configured keys, and GET-only routes.</summary>
public sealed class OpenAqAuthTests
{
    [Theory]
    [InlineData("/v3/sensors/3001/hours")]
    [InlineData("/v3/sensors/99/hours")]
    public async Task A_missing_key_meets_the_WAF_401_with_a_message_and_no_rate_headers(string path)
    {
        await using var server = await RunningReplayServer.StartAsync();

        using var response = await server.GetWithKeyAsync(path, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized. A valid API key must be provided in the X-API-Key header.", (await response.JsonAsync()).GetProperty("message").GetString());
        Assert.False(response.Headers.Contains("x-ratelimit-limit"));
    }

    [Fact]
    public async Task An_unknown_key_meets_the_API_401_with_a_detail_and_no_rate_headers()
    {
        await using var server = await RunningReplayServer.StartAsync();

        using var response = await server.GetWithKeyAsync("/v3/sensors/3001/hours", key: "not-a-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Invalid credentials", body.GetProperty("detail").GetString());
        Assert.False(body.TryGetProperty("message", out _));
        Assert.False(response.Headers.Contains("x-ratelimit-remaining"));
    }

    [Fact]
    public async Task Configured_keys_replace_the_demo_key()
    {
        await using var server = await RunningReplayServer.StartAsync(null, "--Replay:OpenAq:ApiKeys:0=alpha", "--Replay:OpenAq:ApiKeys:1=beta");

        using var alpha = await server.GetWithKeyAsync("/v3/sensors/3001/hours", "alpha");
        using var beta = await server.GetWithKeyAsync("/v3/sensors/3001/hours", "beta");
        using var demo = await server.GetWithKeyAsync("/v3/sensors/3001/hours", OpenAqRequests.DemoKey);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized), (alpha.StatusCode, beta.StatusCode, demo.StatusCode));
    }

    [Theory]
    [InlineData("POST", "/v3/sensors/3001/hours")]
    [InlineData("DELETE", "/v3/sensors/3001/hours")]
    [InlineData("PUT", "/v3/sensors/3001/hours")]
    public async Task Only_GET_is_answered_other_methods_are_405(string method, string path)
    {
        await using var server = await RunningReplayServer.StartAsync();

        using var response = await server.GetWithKeyAsync(path, method: new HttpMethod(method));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
