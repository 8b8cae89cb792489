using System.Net;
using Tributary.LocalHost.Invocations;
using Tributary.LocalHost.Metadata;
using Tributary.LocalHost.Triggers;
using Tributary.LocalHost.Worker;
using Yarp.ReverseProxy.Forwarder;

namespace Tributary.LocalHost.Http;

/// <summary>
/// Runs one HTTP function as the host does under ASP.NET Core integration: authorise by level, make the
/// invocation id and put it in <c>x-ms-invocation-id</c> (replacing any the client sent), send the
/// <c>InvocationRequest</c> and, together with it, forward the request to the worker's <c>HttpUri</c>; the client
/// gets the worker's answer.
/// </summary>
public sealed partial class HttpFunctionProxy(
    WorkerHost worker,
    FunctionInvoker invoker,
    FunctionKeys keys,
    IHttpForwarder forwarder,
    ILogger<HttpFunctionProxy> logger)
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    private static readonly ForwarderRequestConfig Forwarding = new() { ActivityTimeout = TimeSpan.FromSeconds(240) };

    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false, // The host returns redirects to the caller as they are.
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    });

    public async Task HandleAsync(HttpContext context, FunctionMetadata function)
    {
        if (keys.Refusal(context.Request, function.Name, function.Property("authLevel") ?? "function") is { } refusal)
        {
            await Results.Problem(title: "Unauthorized", detail: refusal, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
            return;
        }
        var state = await worker.ReadyAsync(context.RequestAborted);
        if (state.HttpUri is null)
        {
            await Results.Problem(title: "The worker has no HTTP listener", detail: "It did not report HttpUri; is ConfigureFunctionsWebApplication() called?",
                statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
            return;
        }

        var invocationId = FunctionInvoker.NewInvocationId();
        context.Request.Headers[InvocationIdHeader] = invocationId;
        var (inputs, metadata) = TriggerPayloads.Http(function.TriggerName, context.Request);
        var invocation = invoker.InvokeAsync(function.Name, inputs, metadata, context.RequestAborted, invocationId);
        var error = await forwarder.SendAsync(context, state.HttpUri.GetLeftPart(UriPartial.Authority), _client, Forwarding, new ProxyTransformer(invocation));
        var outcome = await invocation;
        if (error == ForwarderError.None) return;

        LogForwardFailed(logger, function.Name, invocationId, error.ToString(), context.GetForwarderErrorFeature()?.Exception?.Message);
        if (!context.Response.HasStarted && error is ForwarderError.RequestBodyClient or ForwarderError.RequestBodyCanceled or ForwarderError.RequestCanceled)
        {
            // The client's side failed (a body cut off at the limit, or a dropped request): a 4xx, never a 502.
            var status = TooLarge(context.GetForwarderErrorFeature()?.Exception) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            await Results.Problem(title: status == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "The request could not be read",
                detail: status == StatusCodes.Status413PayloadTooLarge ? $"The body is over {RequestLimits.MaxBodyBytes} bytes." : "The client's request ended before it was complete.",
                statusCode: status).ExecuteAsync(context);
            return;
        }
        if (!context.Response.HasStarted)
        {
            await Results.Problem(title: "The worker did not answer", detail: $"Forwarding to the worker failed ({error}); {outcome.Error ?? "the invocation itself succeeded"}.",
                statusCode: StatusCodes.Status502BadGateway).ExecuteAsync(context);
        }
    }

    private static bool TooLarge(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return true;
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{FunctionName} ({InvocationId}): forwarding to the worker failed: {Error} {Detail}")]
    private static partial void LogForwardFailed(ILogger logger, string functionName, string invocationId, string error, string? detail);
}
