using Microsoft.Extensions.FileProviders;
using Tributary.LocalHost.Handler;
using Tributary.LocalHost.Http;
using Tributary.LocalHost.Metadata;
using Tributary.LocalHost.Triggers;

namespace Tributary.LocalHost;

/// <summary>
/// A local stand-in for the Azure Functions host, for machines without Core Tools: it reads the app's own host.json
/// and function.json files, starts the custom handler, fires timer and queue triggers with the host's semantics,
/// routes HTTP triggers under the route prefix and serves the dashboard at <c>/</c>.
/// </summary>
public static class LocalHostApp
{
    public static WebApplication Build(LocalHostOptions options, TimeProvider? time = null, Action<WebApplicationBuilder>? configure = null)
    {
        var appRoot = Path.GetFullPath(options.AppRoot);
        var settings = AppSettings.Load(options.SettingsFile ?? Path.Combine(appRoot, "local.settings.json"), options.Settings);
        var host = HostConfiguration.Load(appRoot, settings);
        // As the Functions host: the app setting AzureWebJobs.{name}.Disabled (AzureWebJobs__{name}__Disabled where
        // names cannot hold dots) turns a function off, so its trigger never fires.
        IReadOnlyList<FunctionMetadata> functions = FunctionMetadata.LoadAll(appRoot)
            .Where(f => !IsDisabled(settings, f.Name))
            .ToList();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = appRoot, Args = [] });
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(host);
        builder.Services.AddSingleton(functions);
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton<HandlerEndpoint>();
        builder.Services.AddSingleton<InvocationLog>();
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<StorageConnections>();
        builder.Services.AddHttpClient(nameof(FunctionInvoker)).ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);
        builder.Services.AddHttpClient(nameof(HandlerProcess)).ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddHttpForwarder();
        builder.Services.AddHostedService<HandlerProcess>();
        builder.Services.AddHostedService<TriggerListeners>();
        configure?.Invoke(builder);

        var app = builder.Build();
        if (options.WebRoot is { } webRoot)
        {
            if (!Directory.Exists(webRoot))
            {
                throw new InvalidOperationException($"--web-root '{webRoot}' does not exist. Build the dashboard first (npm run build in web/).");
            }
            var files = new PhysicalFileProvider(Path.GetFullPath(webRoot));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        HttpTriggerRoutes.Map(app, functions, host);
        return app;
    }

    private static bool IsDisabled(AppSettings settings, string function) =>
        (settings.Get($"AzureWebJobs.{function}.Disabled") ?? settings.Get($"AzureWebJobs__{function}__Disabled")) is { } value
        && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
