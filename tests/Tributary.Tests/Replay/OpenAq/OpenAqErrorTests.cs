using System.Net;
using System.Text.Json;

namespace Tributary.Tests.Replay.OpenAq;

/// <summary>The API's 422s (a JSON string body) and 404s (<c>{"detail": ...}</c>).</summary>
public sealed class OpenAqErrorTests
{
    [Theory]
    [InlineData("/v3/sensors/3001/hours?limit=0", "limit: Input should be greater than or equal to 1")]
    [InlineData("/v3/sensors/3001/hours?page=0", "page: Input should be greater than or equal to 1")]
    [InlineData("/v3/sensors/3001/hours?page=two", "page: Input should be a valid integer")]
    [InlineData("/v3/sensors/3001/hours?limit=1001", "limit: Input should be less than or equal to 1000")]
    [InlineData("/v3/sensors/3001/hours?datetime_from=yesterday", "datetime_from:")]
    public async Task A_bad_query_is_422_with_a_JSON_string_body(string pathAndQuery, string message)
    {
        await using var server = await RunningReplayServer.StartAsync();

        using var response = await server.GetWithKeyAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal(JsonValueKind.String, body.ValueKind);
        Assert.StartsWith(message, body.GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_sensor_is_404_with_the_vendors_detail()
    {
        await using var server = await RunningReplayServer.StartAsync();

        using var sensor = await server.GetWithKeyAsync("/v3/sensors/99/hours");

        Assert.Equal((HttpStatusCode.NotFound, "Sensor not found"), (sensor.StatusCode, (await sensor.JsonAsync()).GetProperty("detail").GetString()));
    }
}
