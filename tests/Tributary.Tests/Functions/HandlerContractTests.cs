using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Curation;
using Tributary.LocalHost.Metadata;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.Functions;

/// <summary>
/// The custom handler against the host's wire contract: every function declared in a function.json reaches a
/// handler, payloads are read in the host's double-encoded form and the docs' single-encoded form, and a failure
/// is a non-2xx answer that still carries a JSON body (an empty body would hang the host).
/// </summary>
public sealed class HandlerContractTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly IReadOnlyList<FunctionMetadata> Declared = FunctionMetadata.LoadAll(AppContext.BaseDirectory);

    [Fact]
    public async Task Every_declared_function_reaches_a_handler_endpoint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        using var handler = new HttpClient { BaseAddress = app.HandlerAddress };
        Assert.Equal(["Aggregate", "Backfill", "BackfillAdmin", "Catalog", "Curate", "Health", "IngestAirQuality", "IngestDepartures", "IngestPartnerDepartures", "IngestTimetable", "IngestWeather", "Kpis", "OpenApi"], Declared.Select(f => f.Name));
        var today = DateTime.UtcNow.Date;

        foreach (var function in Declared)
        {
            if (function.TriggerType == "httpTrigger")
            {
                // Forwarded requests keep their path under the route prefix.
                var route = function.Property("route")!.Replace("{documentName}", "v1")
                    .Replace("{source}", $"open-meteo?from={today.AddDays(-2):yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}");
                using var response = await handler.GetAsync($"api/{route}", ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{function.Name}: GET /api/{route} answered {response.StatusCode}");
            }
            else
            {
                // An empty invocation is a failure, but it must reach the function and come back as JSON.
                using var response = await handler.PostAsync(function.Name, new StringContent("{\"Data\":{},\"Metadata\":{}}", Encoding.UTF8, "application/json"), ct);
                Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
                Assert.StartsWith($"{function.Name} failed:", body["Logs"]![0]!.ToString());
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Queue_payloads_are_read_double_or_single_encoded(bool hostEncoding)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        using var handler = new HttpClient { BaseAddress = app.HandlerAddress };
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(hostEncoding ? -40 : -41);
        var text = JsonSerializer.Serialize(new AggregateMessage("oslo", [day]));
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { ["msg"] = hostEncoding ? JsonSerializer.Serialize(text) : text },
            ["Metadata"] = new JsonObject { ["DequeueCount"] = hostEncoding ? "1" : 1, ["sys"] = new JsonObject { ["UtcNow"] = DateTime.UtcNow.ToString("O") } },
        };
        using var response = await handler.PostAsync("Aggregate", new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains("aggregated oslo for 1 day(s)", JsonNode.Parse(body)!["Logs"]![0]!.ToString());
    }

    [Fact]
    public async Task A_message_that_is_not_the_expected_json_fails_with_a_reason_naming_the_function()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        using var handler = new HttpClient { BaseAddress = app.HandlerAddress };
        var payload = new JsonObject { ["Data"] = new JsonObject { ["msg"] = JsonSerializer.Serialize("{not json") }, ["Metadata"] = new JsonObject() };
        using var response = await handler.PostAsync("Curate", new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var log = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["Logs"]![0]!.ToString();
        Assert.Contains("Curate: the message is not a valid CurateMessage", log);
        Assert.Empty((await app.Storage.Queue(StorageNames.AggregateQueue).PeekMessagesAsync(cancellationToken: ct)).Value);
    }
}
