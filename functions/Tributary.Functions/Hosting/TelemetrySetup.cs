using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tributary.Telemetry;

namespace Tributary.Functions.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics: the worker's own (function invocations, through the worker's OpenTelemetry
/// package) and the pipeline's (<see cref="PipelineTelemetry"/>). Exporters follow configuration: Application
/// Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (Azure), OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, the console when <c>Tributary:Telemetry:Console</c> is true.
/// </summary>
public static class TelemetrySetup
{
    public const string ConsoleSetting = "Tributary:Telemetry:Console";

    public static FunctionsApplicationBuilder AddTributaryTelemetry(this FunctionsApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var telemetry = builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(PipelineTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(PipelineTelemetry.Name));

        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            // In Azure the app has no keys: the exporter authenticates with the app's managed identity when the
            // connection string asks for Entra ID (Authorization=AAD), as infra/ sets it up.
            telemetry.UseAzureMonitorExporter(options =>
            {
                if (configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] is { Length: > 0 })
                {
                    options.Credential = new Azure.Identity.DefaultAzureCredential(new Azure.Identity.DefaultAzureCredentialOptions
                    {
                        ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"],
                    });
                }
            });
        }
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        if (configuration.GetValue<bool>(ConsoleSetting))
        {
            telemetry.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }
        return builder;
    }
}
