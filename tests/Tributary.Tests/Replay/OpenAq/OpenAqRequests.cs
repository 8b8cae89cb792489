using System.Net;
using System.Text.Json;

namespace Tributary.Tests.Replay.OpenAq;

/// <summary>Requests to the OpenAQ replay as a client sends them: GET with the <c>X-API-Key</c> header.</summary>
internal static class OpenAqRequests
{
    public const string DemoKey = "replay-openaq-key";

    /// <summary>Kirkeveien (location 2001, Oslo) pm25.</summary>
    public const int OsloPm25 = 3001;

    /// <summary>Kirkeveien (location 2001, Oslo) no2.</summary>
    public const int OsloNo2 = 3003;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> GetWithKeyAsync(this RunningReplayServer server, string pathAndQuery, string? key = DemoKey,
        HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        if (key is not null) request.Headers.Add("X-API-Key", key);
        return await server.Client.SendAsync(request, Ct);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    /// <summary>GET with the demo key that must answer 200 with JSON.</summary>
    public static async Task<JsonElement> OkAsync(this RunningReplayServer server, string pathAndQuery)
    {
        using var response = await server.GetWithKeyAsync(pathAndQuery);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{pathAndQuery}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await response.JsonAsync();
    }

    public static string Hours(int sensor, string from, string to, string extra = "") =>
        $"/v3/sensors/{sensor}/hours?datetime_from={from}&datetime_to={to}{extra}";

    public static List<JsonElement> Results(this JsonElement body) => [.. body.GetProperty("results").EnumerateArray()];

    public static JsonElement Found(this JsonElement body) => body.GetProperty("meta").GetProperty("found");

    public static string Header(this HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
