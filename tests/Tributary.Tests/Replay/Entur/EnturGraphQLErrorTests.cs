using System.Net;
using System.Text.Json;
using static Tributary.Tests.Replay.Entur.EnturRequests;

namespace Tributary.Tests.Replay.Entur;

/// <summary>Where a GraphQL problem lands: inside a 200 (syntax, validation, field errors) or as the request's 400/415.</summary>
public sealed class EnturGraphQLErrorTests
{
    [Fact]
    public async Task An_unknown_but_well_formed_stop_id_answers_200_with_a_null_stop_place()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync(DocumentedQuery, new { id = "NSR:StopPlace:999999", start = "2025-01-15T07:00:00+01:00", range = 3600, n = 10 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"stopPlace":null}}""", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task A_stop_id_without_a_codespace_is_a_field_error_next_to_null_data()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync("""{ stopPlace(id: "58366") { id } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["errors", "data"], Keys(body));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("stopPlace").ValueKind);
        var error = body.GetProperty("errors")[0];
        Assert.Equal("Unable to parse id: '58366'. Expected format: 'CODESPACE:Type:Id'", error.GetProperty("message").GetString());
        Assert.Equal("DataFetchingException", Classification(error));
        Assert.Equal("stopPlace", error.GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task A_request_without_et_client_name_is_refused_with_400_and_a_json_error()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync(DocumentedQuery, new { id = Jernbanetorget, range = 3600, n = 10 }, clientName: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Contains("ET-Client-Name", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("BadRequestError", Classification(error));
    }

    [Fact]
    public async Task An_unknown_field_is_a_located_validation_error_in_a_200_without_data()
    {
        await using var server = await RunningReplayServer.StartAsync();
        const string query = "query {\n  stopPlace(id: \"NSR:StopPlace:58366\") {\n    id\n    estimatedCalls { expectedDeparture }\n  }\n}";

        using var response = await server.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["errors"], Keys(body));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.StartsWith("Cannot query field 'expectedDeparture' on type 'EstimatedCall'.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((4, 22), (error.GetProperty("locations")[0].GetProperty("line").GetInt32(), error.GetProperty("locations")[0].GetProperty("column").GetInt32()));
        Assert.Equal("ValidationError", Classification(error));
    }

    [Theory]
    [InlineData("{ stopPlace { id } }")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366", name: "x") { id } }""")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") }""")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { name { x } } }""")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { estimatedCalls(timeRange: "an hour") { date } } }""")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { estimatedCalls(startTime: "tomorrow") { date } } }""")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { estimatedCalls(arrivalDeparture: arrivals) { date } } }""")]
    [InlineData("""{ stopPlace(id: $id) { id } }""")]
    [InlineData("""query($id: String!, $unused: Int) { stopPlace(id: $id) { id } }""")]
    [InlineData("""query($range: String) { stopPlace(id: "x:y") { estimatedCalls(timeRange: $range) { date } } }""")]
    [InlineData("""{ trip(from: {}) { id } }""")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { ...Missing } }""")]
    public async Task Invalid_documents_are_validation_errors_in_a_200_without_data(string query)
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync(query, new { id = Jernbanetorget });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["errors"], Keys(body));
        Assert.All(body.GetProperty("errors").EnumerateArray(), error => Assert.Equal("ValidationError", Classification(error)));
        Assert.All(body.GetProperty("errors").EnumerateArray(), error => Assert.NotEmpty(error.GetProperty("locations").EnumerateArray()));
    }

    [Fact]
    public async Task A_syntax_error_is_reported_in_a_200_as_invalid_syntax_with_its_location()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync("{ stopPlace(id: ) { id } }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal("InvalidSyntax", Classification(error));
        Assert.Equal((1, 17), (error.GetProperty("locations")[0].GetProperty("line").GetInt32(), error.GetProperty("locations")[0].GetProperty("column").GetInt32()));
    }

    [Theory]
    [InlineData("""{"variables":{}}""")]
    [InlineData("""{"query":""}""")]
    [InlineData("""{"query":"{ stopPlace""")]
    public async Task A_body_without_a_usable_query_is_a_400_bad_request_error(string body)
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostRawAsync(GraphQLPath, body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal(("No query found in body", "BadRequestError"), (error.GetProperty("message").GetString(), Classification(error)));
    }

    [Theory]
    [InlineData("""{"id":"NSR:StopPlace:58366","range":"an hour","n":5}""", "$range")]
    [InlineData("""{"range":3600,"n":5}""", "$id")]
    [InlineData("""{"id":"NSR:StopPlace:58366","start":"soon","range":3600,"n":5}""", "$start")]
    public async Task Variables_that_do_not_fit_their_types_are_a_400_bad_request_error(string variables, string name)
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync(DocumentedQuery, JsonDocument.Parse(variables).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Contains($"Variable '{name}' is invalid", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("BadRequestError", Classification(error));
    }

    [Fact]
    public async Task An_unknown_operation_name_is_a_400_bad_request_error()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync(DocumentedQuery, new { id = Jernbanetorget, range = 3600, n = 5 }, operationName: "Arrivals");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal(("Document does not contain an operation named 'Arrivals'.", "BadRequestError"), (error.GetProperty("message").GetString(), Classification(error)));
    }

    [Fact]
    public async Task Literal_arguments_work_like_variables_and_non_json_bodies_are_415()
    {
        await using var server = await RunningReplayServer.StartAsync();
        const string query = """
            { stopPlace(id: "NSR:StopPlace:41742") {
                name
                estimatedCalls(startTime: "2025-01-15T07:00:00+01:00", timeRange: 3600, numberOfDepartures: 3, includeCancelledTrips: true) { aimedDepartureTime }
            } }
            """;

        using var response = await server.PostGraphQLAsync(query);
        var stopPlace = (await DataAsync(response)).GetProperty("stopPlace");
        using var graphql = await server.PostRawAsync(GraphQLPath, query, "application/graphql");

        Assert.Equal("Trondheim S", stopPlace.GetProperty("name").GetString());
        Assert.Equal(3, stopPlace.GetProperty("estimatedCalls").GetArrayLength());
        Assert.All(stopPlace.GetProperty("estimatedCalls").EnumerateArray(), call =>
            Assert.StartsWith("2025-01-15T07:", call.GetProperty("aimedDepartureTime").GetString(), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, graphql.StatusCode);
    }

    private static string? Classification(JsonElement error) => error.GetProperty("extensions").GetProperty("classification").GetString();
}
