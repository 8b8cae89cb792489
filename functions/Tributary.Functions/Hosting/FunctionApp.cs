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
        StartStorageFirst(builder.Services);
        builder.Services.AddProblemDetails();
        builder.AddHttpPlatform();
        builder.Services.AddSingleton<Ingest.SourceIngestion>();
        builder.Services.AddTributaryDrillFunctions();
        builder.Services.AddSingleton<OpenApi.OpenApiDocumentGenerator>();
        builder.AddTributaryTelemetry();
        return builder.Build();
    }

    /// <summary>
    /// Hosted services start in registration order, and the worker's gRPC client was registered first, so the host
    /// could load functions and fire a trigger before the containers, queues and tables exist. Moving the storage
    /// initialiser to the front makes the worker answer the host only once storage is ready.
    /// </summary>
    private static void StartStorageFirst(IServiceCollection services)
    {
        var initializer = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(Tributary.Storage.StorageInitializer));
        services.Remove(initializer);
        services.Insert(0, initializer);
    }
}
