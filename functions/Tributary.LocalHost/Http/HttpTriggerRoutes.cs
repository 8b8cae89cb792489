using System.Net;
using Tributary.LocalHost.Handler;
using Tributary.LocalHost.Metadata;
using Yarp.ReverseProxy.Forwarder;

namespace Tributary.LocalHost.Http;

/// <summary>
/// Routes every httpTrigger under <c>/{routePrefix}/{route}</c> (default route: the function name) with its declared
/// methods, and forwards the original request to the handler, as the host does with
/// <c>enableForwardingHttpRequest</c>. Like Core Tools, the local host does not enforce authorization levels.
/// </summary>
public static class HttpTriggerRoutes
{
    public static void Map(WebApplication app, IReadOnlyList<FunctionMetadata> functions, HostConfiguration host)
    {
        var http = functions.Where(f => string.Equals(f.TriggerType, "httpTrigger", StringComparison.OrdinalIgnoreCase)).ToList();
        if (http.Count > 0 && !host.EnableForwardingHttpRequest)
        {
            throw new InvalidOperationException(
                "host.json customHandler.enableForwardingHttpRequest is false; the local host supports HTTP functions in forwarding mode only.");
        }
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        var endpoint = app.Services.GetRequiredService<HandlerEndpoint>();
        var client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false, // The host returns redirects to the caller as they are.
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        });
        var prefix = string.IsNullOrEmpty(host.RoutePrefix) ? "" : "/" + host.RoutePrefix.Trim('/');
        foreach (var function in http)
        {
            var route = function.Property("route") is { Length: > 0 } r ? r : function.Name;
            var methods = function.Trigger["methods"]?.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToArray();
            var builder = app.Map($"{prefix}/{route.TrimStart('/')}", async context =>
            {
                var handler = await endpoint.Ready.WaitAsync(context.RequestAborted);
                var error = await forwarder.SendAsync(context, handler.GetLeftPart(UriPartial.Authority), client, ForwarderRequestConfig.Empty, HttpTransformer.Default);
                if (error != ForwarderError.None && !context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status502BadGateway;
                }
            }).WithDisplayName(function.Name);
            if (methods is { Length: > 0 })
            {
                builder.WithMetadata(new HttpMethodMetadata(methods));
            }
        }
    }
}
