using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace Tributary.Functions.Hosting;

/// <summary>
/// Composes the isolated worker: ASP.NET Core integration for the HTTP functions, the source manifests in
/// configuration, the pipeline library, problem details, CORS and telemetry. The functions themselves are thin
/// adapters discovered by the worker's source generator.
/// </summary>
public static class FunctionApp
{
    public static IHost Build(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        AppConfiguration.AddSourceManifests(builder.Configuration);
        builder.Services.AddTributaryPipeline(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<Ingest.SourceIngestion>();
        builder.Services.AddSingleton<OpenApi.OpenApiDocumentGenerator>();
        builder.AddTributaryTelemetry();
        return builder.Build();
    }
}
