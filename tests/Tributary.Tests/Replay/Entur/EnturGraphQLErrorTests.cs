using System.Net;
using System.Text.Json;
using static Tributary.Tests.Replay.Entur.EnturRequests;

namespace Tributary.Tests.Replay.Entur;

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
        Assert.Equal("DataFetchingException", error.GetProperty("extensions").GetProperty("classification").GetString());
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
        Assert.Equal("BadRequestError", error.GetProperty("extensions").GetProperty("classification").GetString());
    }

    [Fact]
    public async Task An_unknown_field_is_a_validation_error_in_a_200_without_data()
    {
        await using var server = await RunningReplayServer.StartAsync();
        const string query = "query {\n  stopPlace(id: \"NSR:StopPlace:58366\") {\n    id\n    estimatedCalls { expectedDeparture }\n  }\n}";

        using var response = await server.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await JsonAsync(response);
        Assert.Equal(["errors"], Keys(body));
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(
            "Validation error (FieldUndefined@[stopPlace/estimatedCalls/expectedDeparture]) : Field 'expectedDeparture' in type 'EstimatedCall' is undefined",
            error.GetProperty("message").GetString());
        Assert.Equal(4, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.Equal(22, error.GetProperty("locations")[0].GetProperty("column").GetInt32());
        Assert.Equal("ValidationError", error.GetProperty("extensions").GetProperty("classification").GetString());
    }

    [Theory]
    [InlineData("{ stopPlace { id } }", "MissingFieldArgument@[stopPlace]")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366", name: "x") { id } }""", "UnknownArgument@[stopPlace]")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") }""", "SubselectionRequired@[stopPlace]")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { name { x } } }""", "SubselectionNotAllowed@[stopPlace/name]")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { estimatedCalls(timeRange: "an hour") { date } } }""", "WrongType@[stopPlace/estimatedCalls]")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { estimatedCalls(startTime: "tomorrow") { date } } }""", "WrongType@[stopPlace/estimatedCalls]")]
    [InlineData("""{ stopPlace(id: $id) { id } }""", "UndefinedVariable@[stopPlace]")]
    [InlineData("""query($id: String!, $unused: Int) { stopPlace(id: $id) { id } }""", "UnusedVariable")]
    [InlineData("""query($range: String) { stopPlace(id: "x:y") { estimatedCalls(timeRange: $range) { date } } }""", "VariableTypeMismatch@[stopPlace/estimatedCalls]")]
    [InlineData("""{ trip(from: {}) { id } }""", "FieldUndefined@[trip]")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { estimatedCalls(startTime: "2025-01-15T07:00:00+15:00") { date } } }""", "WrongType@[stopPlace/estimatedCalls]")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { estimatedCalls(arrivalDeparture: leaving) { date } } }""", "WrongType@[stopPlace/estimatedCalls]")]
    [InlineData("""{ stopPlace(id: "NSR:StopPlace:58366") { ...Missing } }""", "UndefinedFragment@[stopPlace]")]
    public async Task Validation_errors_name_their_rule_and_path(string query, string rule)
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync(query, new { id = Jernbanetorget });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.Contains(errors.EnumerateArray(), error =>
            error.GetProperty("message").GetString()!.StartsWith($"Validation error ({rule})", StringComparison.Ordinal)
            && error.GetProperty("extensions").GetProperty("classification").GetString() == "ValidationError");
    }

    [Fact]
    public async Task A_syntax_error_is_reported_in_a_200_as_invalid_syntax()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync("{ stopPlace(id: ) { id } }");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal("Invalid syntax with offending token ')' at line 1 column 17", error.GetProperty("message").GetString());
        Assert.Equal("InvalidSyntax", error.GetProperty("extensions").GetProperty("classification").GetString());
    }

    [Fact]
    public async Task A_query_nested_deeper_than_any_real_one_is_refused_as_invalid_syntax()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var query = "{ stopPlaces(ids: " + new string('[', 5000) + new string(']', 5000) + ") { id } }";

        using var response = await server.PostGraphQLAsync(query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("InvalidSyntax", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("extensions").GetProperty("classification").GetString());
    }

    [Theory]
    [InlineData("""{"variables":{}}""", "No query found in body")]
    [InlineData("""{"query":42}""", "Invalid format for query")]
    [InlineData("""{"query":"{ stopPlace(id: \"a:b\") { id } }","variables":"{not json"}""", "Variables must be a valid json object")]
    public async Task A_body_without_a_usable_query_is_a_400_bad_request_error(string body, string message)
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostRawAsync(GraphQLPath, body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal("BadRequestError", error.GetProperty("extensions").GetProperty("classification").GetString());
    }

    [Theory]
    [InlineData("""{"id":"NSR:StopPlace:58366","range":"an hour","n":5}""", "Variable 'range' has an invalid value: Expected a value that can be converted to type 'Int' but it was a 'String'")]
    [InlineData("""{"range":3600,"n":5}""", "Variable 'id' has an invalid value: Variable 'id' has coerced Null value for NonNull type 'String!'")]
    [InlineData("""{"id":"NSR:StopPlace:58366","start":"soon","range":3600,"n":5}""", "Variable 'start' has an invalid value: Expected type 'DateTime' but was 'soon'.")]
    public async Task Variables_that_do_not_fit_their_types_are_a_400_bad_request_error(string variables, string message)
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync(DocumentedQuery, JsonDocument.Parse(variables).RootElement);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await JsonAsync(response)).GetProperty("errors")[0];
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal("BadRequestError", error.GetProperty("extensions").GetProperty("classification").GetString());
    }

    [Fact]
    public async Task An_unknown_operation_name_is_a_400_bad_request_error()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostGraphQLAsync(DocumentedQuery, new { id = Jernbanetorget, range = 3600, n = 5 }, operationName: "Arrivals");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Unknown operation named 'Arrivals'.", (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_raw_application_graphql_body_is_accepted_with_literal_arguments()
    {
        await using var server = await RunningReplayServer.StartAsync();
        const string query = """
            { stopPlace(id: "NSR:StopPlace:41742") {
                name
                estimatedCalls(startTime: "2025-01-15T07:00:00+01:00", timeRange: 3600, numberOfDepartures: 3, includeCancelledTrips: true) { aimedDepartureTime }
            } }
            """;

        using var response = await server.PostRawAsync(GraphQLPath, query, "application/graphql");
        var stopPlace = (await DataAsync(response)).GetProperty("stopPlace");

        Assert.Equal("Trondheim S", stopPlace.GetProperty("name").GetString());
        Assert.Equal(3, stopPlace.GetProperty("estimatedCalls").GetArrayLength());
        Assert.All(stopPlace.GetProperty("estimatedCalls").EnumerateArray(), call =>
            Assert.StartsWith("2025-01-15T07:", call.GetProperty("aimedDepartureTime").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Variables_may_also_arrive_as_a_json_string()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var body = JsonSerializer.Serialize(new
        {
            query = DocumentedQuery,
            variables = JsonSerializer.Serialize(new { id = Jernbanetorget, start = "2025-01-15T07:00:00+01:00", range = 3600, n = 4 }),
        });

        using var response = await server.PostRawAsync(GraphQLPath, body, "application/json; charset=utf-8");

        Assert.Equal(4, Calls(await DataAsync(response)).Length);
    }

    [Fact]
    public async Task An_unsupported_content_type_is_refused_with_415()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.PostRawAsync(GraphQLPath, "{ stopPlace(id: \"a:b\") { id } }", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
