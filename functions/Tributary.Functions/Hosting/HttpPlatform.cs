using System.IO.Compression;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Builder;
using Tributary.Functions.Http.Platform;
using Tributary.Functions.Http.Security;

namespace Tributary.Functions.Hosting;

/// <summary>
/// The cross-cutting HTTP platform of the worker, in invocation order: a failing function answers a 500 problem;
/// request limits (414, 431, 413); the per-client rate limit (429) of the public routes; the admin gate (401, 403) of
/// admin operations. Around the function's answer: compression and problem bodies for empty errors.
/// </summary>
public static class HttpPlatform
{
    public static FunctionsApplicationBuilder AddHttpPlatform(this FunctionsApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HttpLimitsOptions>().BindConfiguration(HttpLimitsOptions.Section)
            .Validate(o => o is { MaxUriBytes: > 0, MaxHeaderBytes: > 0, MaxBodyBytes: > 0 }, $"Settings '{HttpLimitsOptions.Section}:*' must be positive.").ValidateOnStart();
        services.AddOptions<ClientRateLimitOptions>().BindConfiguration(ClientRateLimitOptions.Section)
            .Validate(o => o.PermitsPerMinute > 0, $"Setting '{ClientRateLimitOptions.Section}:PermitsPerMinute' must be positive.").ValidateOnStart();
        services.AddOptions<AdminTokenOptions>().BindConfiguration(AdminTokenOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminTokenOptions>, AdminTokenOptions.Validator>();
        services.AddSingleton<AdminKeys>();
        services.AddSingleton<AdminAuthorizer>();
        services.AddSingleton<Http.Push.PushAuthorization>();
        services.AddSingleton<HttpFunctionCatalog>();
        services.AddAdminTokens();
        services.AddClientRateLimiting();

        services.AddResponseCompression(options =>
        {
            // Behind the host the worker listens on plain HTTP; the client's connection is HTTPS in Azure.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "text/html"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddTransient<IStartupFilter, WorkerPipelineStartupFilter>();
        // Kestrel would answer an over-long target or over-large headers itself, with an empty body and before any
        // middleware; above its limits the platform's own answers them as problems.
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = 256 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 256 * 1024;
        });

        builder.UseMiddleware<FunctionFailureMiddleware>();
        builder.UseMiddleware<RequestLimitsMiddleware>();
        builder.UseMiddleware<ClientRateLimitMiddleware>();
        builder.UseMiddleware<AdminGate>();
        return builder;
    }
}
