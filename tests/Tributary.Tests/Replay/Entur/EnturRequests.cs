using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tributary.Tests.Replay.Entur;

/// <summary>Requests, catalogue ids and response readers shared by the Entur replay tests.</summary>
internal static class EnturRequests
{
    public const string GraphQLPath = "/journey-planner/v3/graphql";
    public const string GtfsPath = "/marduk-production/outbound/gtfs/rb_norway-aggregated-gtfs.zip";
    public const string TokenPath = "/oauth/token";
    public const string FaultRoute = "/_replay/faults/entur";
    public const string ExpireTokensRoute = "/_replay/entur/expire-tokens";

    public const string ClientName = "tributary-tests";
    public const string DemoClientId = "tributary-demo";
    public const string DemoClientSecret = "replay-secret";
    public const string Audience = "https://api.entur.io";

    public const string Jernbanetorget = "NSR:StopPlace:58366";
    public const string Majorstuen = "NSR:StopPlace:58381";
    public const string TrondheimS = "NSR:StopPlace:41742";

    /// <summary>The twelve catalogue stop places: id, name, city.</summary>
    public static IReadOnlyList<(string Id, string Name, string City)> StopPlaces { get; } =
    [
        ("NSR:StopPlace:58366", "Jernbanetorget", "Oslo"),
        ("NSR:StopPlace:59872", "Oslo S", "Oslo"),
        ("NSR:StopPlace:58404", "Nationaltheatret", "Oslo"),
        ("NSR:StopPlace:58381", "Majorstuen", "Oslo"),
        ("NSR:StopPlace:62113", "Byparken", "Bergen"),
        ("NSR:StopPlace:30810", "Bergen busstasjon", "Bergen"),
        ("NSR:StopPlace:59977", "Bergen stasjon", "Bergen"),
        ("NSR:StopPlace:30950", "Møhlenpris", "Bergen"),
        ("NSR:StopPlace:41742", "Trondheim S", "Trondheim"),
        ("NSR:StopPlace:41613", "Prinsens gate", "Trondheim"),
        ("NSR:StopPlace:42660", "Kjøpmannsgata", "Trondheim"),
        ("NSR:StopPlace:44085", "Studentersamfundet", "Trondheim"),
    ];

    public static IReadOnlyDictionary<string, (double Latitude, double Longitude)> CityCentres { get; } = new Dictionary<string, (double, double)>
    {
        ["Oslo"] = (59.9139, 10.7522),
        ["Bergen"] = (60.3913, 5.3221),
        ["Trondheim"] = (63.4305, 10.3951),
    };

    /// <summary>The departures query of the data-source notes, verbatim.</summary>
    public const string DocumentedQuery = """
        query Departures($id: String!, $start: DateTime, $range: Int!, $n: Int!) {
          stopPlace(id: $id) {
            id name latitude longitude
            estimatedCalls(startTime: $start, timeRange: $range, numberOfDepartures: $n,
                           arrivalDeparture: departures, includeCancelledTrips: true) {
              aimedDepartureTime expectedDepartureTime actualDepartureTime
              realtime realtimeState cancellation predictionInaccurate date
              quay { id }
              serviceJourney { id line { id publicCode transportMode } }
            }
          }
        }
        """;

    /// <summary>The documented field set with <c>includeCancelledTrips</c> as a variable.</summary>
    public const string BoardQuery = """
        query Board($id: String!, $start: DateTime, $range: Int!, $n: Int!, $cancelled: Boolean) {
          stopPlace(id: $id) {
            id name latitude longitude
            estimatedCalls(startTime: $start, timeRange: $range, numberOfDepartures: $n, includeCancelledTrips: $cancelled) {
              aimedDepartureTime expectedDepartureTime actualDepartureTime
              realtime realtimeState cancellation predictionInaccurate date
              quay { id }
              serviceJourney { id line { id publicCode transportMode } }
            }
          }
        }
        """;

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>POSTs a GraphQL JSON body. <paramref name="clientName"/> null leaves the <c>ET-Client-Name</c> header out.</summary>
    public static async Task<HttpResponseMessage> PostGraphQLAsync(this RunningReplayServer server, string query, object? variables = null, string? clientName = ClientName, string? bearer = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQLPath)
        {
            Content = JsonContent.Create(new Dictionary<string, object?> { ["query"] = query, ["variables"] = variables, ["operationName"] = operationName }),
        };
        Identify(request, clientName, bearer);
        return await server.Client.SendAsync(request, Cancellation);
    }

    public static async Task<HttpResponseMessage> PostRawAsync(this RunningReplayServer server, string path, string body, string contentType, string? clientName = ClientName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        Identify(request, clientName, null);
        return await server.Client.SendAsync(request, Cancellation);
    }

    /// <summary>The board of one stop place (must answer 200 without errors).</summary>
    public static async Task<JsonElement> BoardAsync(this RunningReplayServer server, string stopId, DateTimeOffset start, int rangeSeconds, int count = 1000, bool includeCancelled = true)
    {
        using var response = await server.PostGraphQLAsync(BoardQuery, new { id = stopId, start = Iso(start), range = rangeSeconds, n = count, cancelled = includeCancelled });
        return await DataAsync(response);
    }

    public static JsonElement[] Calls(JsonElement data) => [.. data.GetProperty("stopPlace").GetProperty("estimatedCalls").EnumerateArray()];

    /// <summary>200, JSON, no <c>errors</c>: the <c>data</c> object.</summary>
    public static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"answered {(int)response.StatusCode}: {body}");
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.False(root.TryGetProperty("errors", out var errors), $"unexpected errors: {errors}");
        return root.GetProperty("data");
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement.Clone();

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"no {name} header");

    public static bool HasHeader(HttpResponseMessage response, string name) => response.Headers.Contains(name);

    public static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(property => property.Name)];

    public static DateTimeOffset Time(JsonElement call, string field) =>
        DateTimeOffset.Parse(call.GetProperty(field).GetString()!, CultureInfo.InvariantCulture);

    /// <summary>What identifies a call across polls: (service journey, service date, quay).</summary>
    public static (string Journey, string Date, string Quay) Key(JsonElement call) =>
        (call.GetProperty("serviceJourney").GetProperty("id").GetString()!, call.GetProperty("date").GetString()!, call.GetProperty("quay").GetProperty("id").GetString()!);

    public static async Task<HttpResponseMessage> RequestTokenJsonAsync(this RunningReplayServer server, string clientId = DemoClientId, string secret = DemoClientSecret, string? audience = Audience, string grantType = "client_credentials")
    {
        var body = new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = secret, ["grant_type"] = grantType };
        if (audience is not null) body["audience"] = audience;
        return await server.Client.PostAsync(new Uri(TokenPath, UriKind.Relative), JsonContent.Create(body), Cancellation);
    }

    public static async Task<string> TokenAsync(this RunningReplayServer server)
    {
        using var response = await server.RequestTokenJsonAsync();
        var body = await JsonAsync(response);
        Assert.Equal(200, (int)response.StatusCode);
        return body.GetProperty("access_token").GetString()!;
    }

    public static async Task<(HttpResponseMessage Response, byte[] Body)> GetGtfsAsync(this RunningReplayServer server, Action<HttpRequestMessage>? configure = null, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, GtfsPath);
        configure?.Invoke(request);
        var response = await server.Client.SendAsync(request, Cancellation);
        return (response, await response.Content.ReadAsByteArrayAsync(Cancellation));
    }

    /// <summary>The GTFS files of a ZIP, raw bytes by name.</summary>
    public static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public static async Task SetFaultAsync(this RunningReplayServer server, string mode)
    {
        using var response = await server.PostAsync($"{FaultRoute}?mode={mode}");
        Assert.Equal(200, (int)response.StatusCode);
    }

    private static void Identify(HttpRequestMessage request, string? clientName, string? bearer)
    {
        if (clientName is not null) request.Headers.Add("ET-Client-Name", clientName);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    }
}
