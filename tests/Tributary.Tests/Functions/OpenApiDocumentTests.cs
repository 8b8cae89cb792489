using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Tributary.Functions.OpenApi;
using Tributary.Query;
using Tributary.Testing;

namespace Tributary.Tests.Functions;

/// <summary>
/// The generated OpenAPI document read back by an independent reader: valid 3.1, one operation per HTTP function the
/// worker declares in functions.metadata, resolvable references, and schemas that name properties as the API writes them.
/// </summary>
public sealed class OpenApiDocumentTests
{
    private static readonly OpenApiDocumentGenerator Generator = new(Options.Create(new JsonOptions()));

    private static readonly Lazy<(OpenApiDocument Document, JsonNode Raw)> Parsed = new(() =>
    {
        var (document, diagnostic) = OpenApiDocument.Parse(Generator.Json, OpenApiConstants.Json);
        Assert.NotNull(document);
        Assert.NotNull(diagnostic);
        Assert.Empty(diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        return (document, JsonNode.Parse(Generator.Json)!);
    });

    private static OpenApiDocument Document => Parsed.Value.Document;

    private static JsonNode Raw => Parsed.Value.Raw;

    [Fact]
    public void Document_is_OpenAPI_3_1_and_passes_the_default_validation_rules()
    {
        Assert.Matches(@"^3\.1\.\d+$", Raw["openapi"]!.GetValue<string>());
        Assert.Empty(Document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => $"{e.Pointer}: {e.Message}"));
        Assert.Equal("Tributary KPI API", Document.Info.Title);
        Assert.Equal("v1", Document.Info.Version);
    }

    [Fact]
    public void Operations_are_exactly_the_http_functions_in_functions_metadata()
    {
        var declared = DeclaredHttpFunctions();
        Assert.Contains(declared, f => f.Name == "OpenApi");

        Assert.Equal(
            declared.SelectMany(f => f.Methods.Select(m => $"{m} {f.Path}")).Order(StringComparer.Ordinal),
            Operations().Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Admin_operations_take_a_key_or_a_bearer_token_and_anonymous_ones_nothing()
    {
        var declared = DeclaredHttpFunctions();
        var admin = AdminFunctionNames();
        Assert.Contains("StartReplay", admin);
        Assert.Contains("GetBackfill", admin);
        var operations = Operations().ToDictionary(o => $"{o.Method} {o.Path}", o => o.Operation);

        foreach (var function in declared)
        {
            foreach (var method in function.Methods)
            {
                var operation = operations[$"{method} {function.Path}"];
                var alternatives = (operation.Security ?? []).Select(r => string.Join('+', r.Keys.Select(s => s.Reference.Id))).ToList();
                if (admin.Contains(function.Name))
                {
                    // Admin operations are anonymous to the host: the worker's gate decides, so the document says how.
                    Assert.False(function.RequiresKey, $"{function.Name} must be anonymous to the host so bearer tokens reach the worker.");
                    Assert.Equal(["functionKey", "functionKeyQuery", "bearer"], alternatives);
                    Assert.Equal(["401", "403"], operation.Responses!.Keys.Where(k => k is "401" or "403"));
                    Assert.DoesNotContain("429", operation.Responses.Keys);
                }
                else if (function.RequiresKey)
                {
                    Assert.Equal(["functionKey", "functionKeyQuery"], alternatives);
                }
                else
                {
                    Assert.Empty(alternatives);
                }
            }
        }

        var header = Assert.IsType<OpenApiSecurityScheme>(Document.Components!.SecuritySchemes!["functionKey"]);
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Header, "x-functions-key"), (header.Type!.Value, header.In!.Value, header.Name));
        var bearer = Assert.IsType<OpenApiSecurityScheme>(Document.Components.SecuritySchemes["bearer"]);
        Assert.Equal((SecuritySchemeType.Http, "bearer", "JWT"), (bearer.Type!.Value, bearer.Scheme, bearer.BearerFormat));
        Assert.All(Operations().Where(o => o.Operation.Tags!.Any(t => t.Name == "admin")),
            o => Assert.NotEmpty(o.Operation.Security ?? []));
    }

    [Fact]
    public void Every_path_parameter_is_required_and_every_operation_documents_a_success()
    {
        foreach (var (method, path, operation) in Operations())
        {
            var names = System.Text.RegularExpressions.Regex.Matches(path, @"\{([^}]+)\}").Select(m => m.Groups[1].Value).ToList();
            var declared = (operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Path).ToList();
            Assert.Equal(names, declared.Select(p => p.Name!));
            Assert.All(declared, p => Assert.True(p.Required, $"{method} {path}: {p.Name} is not required"));
            Assert.Contains(operation.Responses!.Keys, k => k.StartsWith('2'));
            Assert.Contains("500", operation.Responses.Keys);
        }
        var rateLimited = Assert.Single(Operations(), o => o.Operation.OperationId == "GetCatalog").Operation.Responses!["429"];
        Assert.Contains("Retry-After", rateLimited.Headers!.Keys);
    }

    [Theory]
    [InlineData("http", "api.example:8080", null, null, "http://api.example:8080/api")]
    [InlineData("http", "127.0.0.1:7071", "https", "tributary.example", "https://tributary.example/api")]
    [InlineData("http", "bad host\"><", null, null, "/api")]
    public void The_server_url_is_the_callers_origin_under_the_route_prefix(string scheme, string host, string? forwardedProto, string? forwardedHost, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = forwardedProto ?? scheme;
        context.Request.Host = new HostString(forwardedHost ?? host);
        Assert.Equal(expected, OpenApiFunction.ServerUrl(context.Request, "api"));
    }

    [Fact]
    public void Every_reference_resolves_within_the_document()
    {
        var references = References(Raw).ToList();
        Assert.NotEmpty(references);
        foreach (var reference in references)
        {
            Assert.StartsWith("#/", reference);
            JsonNode? node = Raw;
            foreach (var token in reference[2..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")))
            {
                node = node?[token];
            }
            Assert.True(node is not null, $"{reference} does not resolve.");
        }
    }

    [Fact]
    public void Kpis_documents_its_query_parameters_and_revalidation()
    {
        var kpis = Assert.Single(Operations(), o => o.Operation.OperationId == "GetKpis").Operation;
        var query = kpis.Parameters!.Where(p => p.In == ParameterLocation.Query).ToDictionary(p => p.Name!);

        Assert.Equal(["city", "from", "grain", "metric", "stop", "to"], query.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("date-time", query["from"].Schema!.Format);
        Assert.All(query.Values, p => Assert.False(p.Required));
        Assert.Contains(kpis.Parameters!, p => p.In == ParameterLocation.Header && p.Name == "If-None-Match");
        Assert.Equal(["200", "304", "400", "413", "414", "429", "431", "500"], kpis.Responses!.Keys);
        Assert.Contains("application/problem+json", kpis.Responses["400"].Content!.Keys);
    }

    [Fact]
    public void Kpi_schemas_name_properties_as_the_api_writes_them()
    {
        // The same options the typed results serialize with (JsonSerializerDefaults.Web unless configured).
        var written = JsonSerializer.SerializeToNode(
            new KpiSeriesResponse("thermal_comfort", "Cel", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddHours(1),
                [new KpiSeries("oslo", "Oslo", [new KpiSeriesPoint(DateTimeOffset.UnixEpoch, null, 0, 0, "no input")])]),
            new JsonOptions().SerializerOptions)!;

        AssertSameProperties("KpiSeriesResponse", written);
        AssertSameProperties("KpiSeries", written["series"]![0]!);
        AssertSameProperties("KpiSeriesPoint", written["series"]![0]!["points"]![0]!);
        Assert.Contains("cityName", Schema("KpiSeries").Properties!.Keys);
    }

    [Fact]
    public void OpenApi_function_serves_v1_with_caching_and_404_for_other_names()
    {
        var function = new OpenApiFunction(Generator);
        var context = new DefaultHttpContext();

        context.Request.Scheme = "https";
        context.Request.Host = new HostString("tributary.example");
        var document = Assert.IsType<ContentHttpResult>(function.Run(context.Request, "v1").Result);
        Assert.Equal(StatusCodes.Status200OK, document.StatusCode ?? StatusCodes.Status200OK);
        Assert.StartsWith("application/json", document.ContentType);
        Assert.Equal(Generator.JsonFor("https://tributary.example/api"), document.ResponseContent);
        Assert.Equal("https://tributary.example/api", JsonNode.Parse(document.ResponseContent!)!["servers"]![0]!["url"]!.GetValue<string>());
        Assert.Equal("public, max-age=300", context.Response.Headers.CacheControl.ToString());

        var missing = Assert.IsType<ProblemHttpResult>(function.Run(new DefaultHttpContext().Request, "v2").Result);
        Assert.Equal(StatusCodes.Status404NotFound, missing.StatusCode);
    }

    private static void AssertSameProperties(string schema, JsonNode written)
    {
        var documented = Schema(schema).Properties!.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(written.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal), documented);
        Assert.All(documented, name => Assert.True(char.IsLower(name[0]), $"{schema}.{name} is not camelCase."));
    }

    private static IOpenApiSchema Schema(string name) => Document.Components!.Schemas![name];

    private static IEnumerable<(string Method, string Path, OpenApiOperation Operation)> Operations() =>
        from path in Document.Paths
        from operation in path.Value.Operations ?? []
        select (operation.Key.Method.ToUpperInvariant(), Raw["servers"]![0]!["url"]!.GetValue<string>().TrimEnd('/') + path.Key, operation.Value);

    private static HashSet<string> AdminFunctionNames() =>
    [
        .. from type in typeof(OpenApiDocumentGenerator).Assembly.GetTypes()
           from method in type.GetMethods()
           where method.GetCustomAttributes(typeof(Tributary.Functions.Http.Security.AdminOperationAttribute), false).Length > 0
           select ((Microsoft.Azure.Functions.Worker.FunctionAttribute)method.GetCustomAttributes(typeof(Microsoft.Azure.Functions.Worker.FunctionAttribute), false).Single()).Name,
    ];

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue value ? [value.GetValue<string>()] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    /// <summary>
    /// The HTTP functions the Worker.Sdk wrote into functions.metadata for the same configuration as this test run,
    /// with paths under the route prefix from the repo's host.json.
    /// </summary>
    private static IReadOnlyList<DeclaredFunction> DeclaredHttpFunctions()
    {
        // The tests run from tests/Tributary.Tests/bin/<Configuration>/net10.0.
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))!;
        var metadata = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("functions", "Tributary.Functions", "bin", configuration, "net10.0", "functions.metadata")))!.AsArray();
        var prefix = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("host.json")))!["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api";

        return
        [
            .. from function in metadata
               let name = function!["name"]!.GetValue<string>()
               from binding in function["bindings"]!.AsArray()
               where binding!["type"]!.GetValue<string>() == "httpTrigger"
               // A catch-all ({*blob}) is a plain path parameter in OpenAPI.
               let route = (binding["route"]?.GetValue<string>() ?? name).Replace("{*", "{", StringComparison.Ordinal)
               select new DeclaredFunction(
                   name,
                   "/" + string.Join('/', new[] { prefix, route }.Where(s => s.Length > 0)),
                   [.. binding["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant())],
                   !string.Equals(binding["authLevel"]?.GetValue<string>(), "Anonymous", StringComparison.OrdinalIgnoreCase)),
        ];
    }

    private sealed record DeclaredFunction(string Name, string Path, IReadOnlyList<string> Methods, bool RequiresKey);
}
