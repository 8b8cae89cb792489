using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tributary.Functions.Http.Platform;

/// <summary>The checks of <see cref="HttpLimitsOptions"/> on one request: the first limit it breaks, or null.</summary>
internal static class RequestLimits
{
    public sealed record Breach(int Status, string Title, string Detail);

    public static Breach? Check(HttpContext http, HttpLimitsOptions limits)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";
        if (target.Length > limits.MaxUriBytes)
        {
            return new Breach(StatusCodes.Status414UriTooLong, "URI too long", $"The request target has {target.Length} bytes; at most {limits.MaxUriBytes} are accepted.");
        }
        var headerBytes = 0L;
        foreach (var (name, values) in http.Request.Headers)
        {
            foreach (var value in values) headerBytes += name.Length + (value?.Length ?? 0) + 4;
        }
        if (headerBytes > limits.MaxHeaderBytes)
        {
            return new Breach(StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request headers too large", $"The headers have about {headerBytes} bytes; at most {limits.MaxHeaderBytes} are accepted.");
        }
        if (http.Request.ContentLength is { } length && length > limits.MaxBodyBytes)
        {
            return new Breach(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body has {length} bytes; at most {limits.MaxBodyBytes} are accepted.");
        }
        // A body without a declared length is cut off by the server when it grows past the limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limits.MaxBodyBytes;
        return null;
    }
}
