using Microsoft.Extensions.FileProviders;
using Tributary.LocalHost.Http;
using Tributary.LocalHost.Invocations;
using Tributary.LocalHost.Metadata;
using Tributary.LocalHost.Triggers;
using Tributary.LocalHost.Worker;

namespace Tributary.LocalHost;

/// <summary>
/// A local stand-in for the Azure Functions host, for machines without Core Tools: it reads the app's host.json
/// and worker.config.json, starts the isolated worker and speaks the host's gRPC protocol to it, indexes the
/// functions through the worker, fires timer and queue triggers with the host's semantics, proxies HTTP triggers
/// under the route prefix with their authorization levels, and serves the dashboard at <c>/</c>.
/// </summary>
public static class LocalHostApp
{
    public static WebApplication Build(LocalHostOptions options, TimeProvider? time = null, Action<WebApplicationBuilder>? configure = null)
    {
        var appRoot = Path.GetFullPath(options.AppRoot);
        options = options with { AppRoot = appRoot };
        if (options.SettingsFile is { } named && !File.Exists(named))
        {
            throw new InvalidOperationException($"--settings '{named}' does not exist.");
        }
        var settingsFile = !options.ReadLocalSettings ? null : options.SettingsFile ?? Path.Combine(appRoot, "local.settings.json");
        var settings = AppSettings.Load(settingsFile, options.Settings);
        var host = HostConfiguration.Load(appRoot, settings);
        var worker = WorkerConfig.Load(appRoot); // Here, so a bad file fails the start naming it, not in the background.

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = appRoot, Args = [] });
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.WebHost.ConfigureKestrel(RequestLimits.RaiseKestrelLimits);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        // host.json logging.logLevel applies to the worker's logs too, as in the host ("default" is the root).
        foreach (var (category, level) in host.LogLevels)
        {
            builder.Logging.AddFilter(string.Equals(category, "default", StringComparison.OrdinalIgnoreCase) ? null : category, level);
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton(worker);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton<WorkerChannels>();
        builder.Services.AddSingleton<InvocationNames>();
        builder.Services.AddSingleton<WorkerLogForwarder>();
        builder.Services.AddSingleton<GrpcServer>();
        builder.Services.AddSingleton<WorkerHost>();
        builder.Services.AddSingleton<InvocationLog>();
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<IFunctionInvoker>(sp => sp.GetRequiredService<FunctionInvoker>());
        builder.Services.AddSingleton<StorageConnections>();
        builder.Services.AddSingleton<FunctionKeys>();
        builder.Services.AddSingleton<HttpFunctionProxy>();
        builder.Services.AddSingleton<FunctionEndpoints>();
        builder.Services.AddHttpForwarder();
        builder.Services.AddProblemDetails();
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => CorsAllowlist.Apply(policy, settings)));
        // Started in this order and stopped in reverse: triggers stop before the worker is told to terminate.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WorkerHost>());
        builder.Services.AddHostedService<TriggerListeners>();
        configure?.Invoke(builder);

        var app = builder.Build();
        // First: nothing past the limits reaches routing, the proxy or the worker.
        app.Use((context, next) => RequestLimits.EnforceAsync(context, () => next(context)));
        app.UseExceptionHandler();
        // Empty 4xx answers (no route 404, wrong method 405 with Allow, a body cut off at the limit 413) become problems.
        app.UseStatusCodePages();
        if (options.WebRoot is { } webRoot)
        {
            if (!Directory.Exists(webRoot))
            {
                throw new InvalidOperationException($"--web-root '{webRoot}' does not exist. Build the dashboard first (npm run build in web/).");
            }
            PrecompressedStaticFiles.Use(app, new PhysicalFileProvider(Path.GetFullPath(webRoot)));
        }
        app.UseRouting();
        app.UseCors();
        ((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<FunctionEndpoints>());
        AdminRoutes.Map(app);
        return app;
    }
}
