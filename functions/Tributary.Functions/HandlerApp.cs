using System.Text.Json;
using Tributary.Functions.Aggregate;
using Tributary.Functions.Backfill;
using Tributary.Functions.BackfillAdmin;
using Tributary.Functions.Catalog;
using Tributary.Functions.Curate;
using Tributary.Functions.Health;
using Tributary.Functions.Ingest;
using Tributary.Functions.Invocation;
using Tributary.Functions.Kpis;
using Tributary.Sources.Entur;
using Tributary.Sources.Gtfs;
using Tributary.Sources.OpenAq;
using Tributary.Sources.OpenMeteo;

namespace Tributary.Functions;

/// <summary>
/// The custom handler: an ASP.NET Core app the Functions host starts and calls. Timer and queue functions arrive as
/// <c>POST /{FunctionName}</c> invocation payloads; HTTP functions are forwarded as the original request under
/// <c>/api</c> (<c>enableForwardingHttpRequest</c>). Every function is a thin adapter over the pipeline library.
/// </summary>
public static class HandlerApp
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <param name="configure">Lets tests add configuration or replace services (e.g. the clock) before the pipeline registers.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The host picks a free port and expects the handler on loopback only.
        if (Environment.GetEnvironmentVariable(PortVariable) is { Length: > 0 } port)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        }
        AddSourceManifests(builder.Configuration);
        // Before the pipeline registers: manifests are read (and validated) at registration, with any override.
        configure?.Invoke(builder);
        builder.Services.AddTributaryPipeline(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tributary KPI API";
            document.Info.Description = "Read-only KPI queries over the Tributary mart.";
            return Task.CompletedTask;
        }));
        var origins = builder.Configuration.GetSection("Tributary:Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins(origins).WithMethods("GET").WithHeaders("If-None-Match").WithExposedHeaders("ETag")));

        var app = builder.Build();
        app.UseStatusCodePages();
        app.UseCors();

        // The host polls GET / until it answers, then keeps pinging it: answer cheaply.
        app.MapGet("/", () => TypedResults.Ok(new { status = "ready" })).ExcludeFromDescription();

        // One timer function per source (its folder's function.json holds the schedule), all on the shared adapter.
        app.MapInvocation("IngestWeather", IngestFunction.For(OpenMeteoMapper.Id));
        app.MapInvocation("IngestDepartures", IngestFunction.For(JourneyPlannerMapper.OpenId));
        app.MapInvocation("IngestPartnerDepartures", IngestFunction.For(JourneyPlannerMapper.PartnerId));
        app.MapInvocation("IngestTimetable", IngestFunction.For(GtfsFeedMapper.Id));
        app.MapInvocation("IngestAirQuality", IngestFunction.For(OpenAqHoursMapper.Id));
        app.MapInvocation(CurateFunction.Name, CurateFunction.RunAsync);
        app.MapInvocation(AggregateFunction.Name, AggregateFunction.RunAsync);
        app.MapInvocation(BackfillFunction.Name, BackfillFunction.RunAsync);

        var api = app.MapGroup("/api");
        KpisFunction.Map(api);
        CatalogFunction.Map(api);
        HealthFunction.Map(api);
        BackfillAdminFunction.Map(api);
        app.MapOpenApi("/api/openapi/{documentName}.json");
        return app;
    }

    /// <summary>
    /// For the command line, which no Functions host starts: the Values of a <c>local.settings.json</c> next to the
    /// app, as the host would have passed them, under whatever the environment already says.
    /// </summary>
    internal static void AddLocalSettings(ConfigurationManager configuration)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "local.settings.json");
        if (!File.Exists(file)) return;
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        if (!doc.RootElement.TryGetProperty("Values", out var values)) return;
        var settings = values.EnumerateObject()
            .Where(p => Environment.GetEnvironmentVariable(p.Name) is null)
            .Select(p => new KeyValuePair<string, string?>(p.Name.Replace("__", ":", StringComparison.Ordinal), p.Value.ToString()));
        InsertBeforeEnvironment(configuration, [new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = settings }]);
    }

    /// <summary>
    /// Adds every <c>sources/*.json</c> manifest next to the app, before the environment variables, so an app
    /// setting such as <c>Sources__OpenMeteo__BaseUrl</c> still overrides what a manifest says.
    /// </summary>
    internal static void AddSourceManifests(ConfigurationManager configuration)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "sources");
        if (!Directory.Exists(folder)) return;
        InsertBeforeEnvironment(configuration, Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(file =>
        {
            var json = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = file, Optional = false, ReloadOnChange = false };
            json.ResolveFileProvider();
            return (IConfigurationSource)json;
        }));
    }

    /// <summary>Adds configuration sources just before the environment variables, so app settings still win over them.</summary>
    private static void InsertBeforeEnvironment(ConfigurationManager configuration, IEnumerable<IConfigurationSource> added)
    {
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var at = sources.Select((s, i) => (s, i)).FirstOrDefault(p => p.s is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource).i;
        foreach (var source in added) sources.Insert(at++, source);
    }
}
