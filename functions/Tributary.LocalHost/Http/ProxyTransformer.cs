using Tributary.LocalHost.Invocations;
using Yarp.ReverseProxy.Forwarder;

namespace Tributary.LocalHost.Http;

/// <summary>
/// Forwards a request to the worker as the host's proxy does (original path and query, <c>X-Forwarded-*</c>
/// added), and settles the one case the worker cannot: a function that threw answers an empty 200 while its
/// invocation reports <c>Failure</c>. That answer becomes a problem+json 500 here, so clients see the failure.
/// </summary>
public sealed class ProxyTransformer(Task<InvocationRecord> invocation) : HttpTransformer
{
    private static readonly TimeSpan OutcomeWait = TimeSpan.FromSeconds(30);

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.Headers.Remove("X-Forwarded-For");
        proxyRequest.Headers.Remove("X-Forwarded-Proto");
        proxyRequest.Headers.Remove("X-Forwarded-Host");
        if (httpContext.Connection.RemoteIpAddress is { } remote) proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", remote.ToString());
        proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Proto", httpContext.Request.Scheme);
        proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Host", httpContext.Request.Host.Value);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse is { StatusCode: System.Net.HttpStatusCode.OK, Content.Headers.ContentLength: 0 })
        {
            InvocationRecord? outcome = null;
            try
            {
                outcome = await invocation.WaitAsync(OutcomeWait, cancellationToken);
            }
            catch (TimeoutException)
            {
                // No verdict in time: pass the worker's answer on as it is.
            }
            if (outcome is { Succeeded: false })
            {
                httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await Results.Problem(title: "The function failed", detail: $"{outcome.FunctionName} (invocation {outcome.InvocationId}) failed; see the host log.",
                    statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(httpContext);
                return false;
            }
        }
        return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
    }
}
