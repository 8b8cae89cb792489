using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Tributary.LocalHost.Http;

/// <summary>
/// The host's bounds on a request, answered as problem+json by the first middleware: 414 for a request target over
/// <see cref="MaxUriBytes"/>, 431 for headers over <see cref="MaxHeaderBytes"/>, 413 for a body over
/// <see cref="MaxBodyBytes"/> (the worker checks the same defaults again). Kestrel's own limits are set far above,
/// because Kestrel answers them itself with an empty body before any middleware runs.
/// </summary>
public static class RequestLimits
{
    public const int MaxUriBytes = 8 * 1024;
    public const int MaxHeaderBytes = 32 * 1024;
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>What Kestrel itself tolerates; past these its own empty 414/431 remain.</summary>
    public static void RaiseKestrelLimits(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestLineSize = 256 * 1024;
        kestrel.Limits.MaxRequestHeadersTotalSize = 256 * 1024;
        kestrel.Limits.MaxRequestHeaderCount = 1000;
    }

    public static async Task EnforceAsync(HttpContext context, Func<Task> next)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? $"{context.Request.Path}{context.Request.QueryString}";
        if (target.Length > MaxUriBytes)
        {
            await Problem(context, StatusCodes.Status414UriTooLong, "URI too long", $"The request target has {target.Length} bytes; at most {MaxUriBytes} are accepted.");
            return;
        }
        long headerBytes = 0;
        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values) headerBytes += name.Length + (value?.Length ?? 0) + 4;
        }
        if (headerBytes > MaxHeaderBytes)
        {
            await Problem(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large", $"The headers have about {headerBytes} bytes; at most {MaxHeaderBytes} are accepted.");
            return;
        }
        if (context.Request.ContentLength is { } length && length > MaxBodyBytes)
        {
            await Problem(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body has {length} bytes; at most {MaxBodyBytes} are accepted.");
            return;
        }
        // A body without a declared length fails when it is read past the limit (Kestrel throws, forwarding answers 413).
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = MaxBodyBytes;
        await next();
    }

    private static Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        // The client may still be sending what was too large; the connection is not reused.
        context.Response.Headers.Connection = "close";
        return Results.Problem(title: title, detail: detail, statusCode: status).ExecuteAsync(context);
    }
}
