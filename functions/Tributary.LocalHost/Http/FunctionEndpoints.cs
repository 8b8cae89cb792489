using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;
using Tributary.LocalHost.Metadata;
using Tributary.LocalHost.Worker;

namespace Tributary.LocalHost.Http;

/// <summary>
/// One endpoint per enabled HTTP function, at <c>/{routePrefix}/{route}</c> (default route: the function name)
/// with its declared methods, added when the worker has indexed its functions: the routes come from the app
/// itself, never from a second copy. They are in place before the host reports the functions loaded; until then,
/// and for unknown paths under the prefix, nothing matches.
/// </summary>
public sealed class FunctionEndpoints : EndpointDataSource
{
    private readonly Lock _gate = new();
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();

    public FunctionEndpoints(WorkerHost worker, HostConfiguration host, LocalHostOptions options, AppSettings settings, HttpFunctionProxy proxy)
    {
        worker.Indexed += functions =>
        {
            var prefix = string.IsNullOrEmpty(host.RoutePrefix) ? "" : "/" + host.RoutePrefix.Trim('/');
            var endpoints = new List<Endpoint>();
            foreach (var function in functions.Where(f => f.IsHttp && !options.IsDisabled(settings, f.Name)))
            {
                var route = function.Property("route") is { Length: > 0 } r ? r : function.Name;
                var builder = new RouteEndpointBuilder(context => proxy.HandleAsync(context, function), RoutePatternFactory.Parse($"{prefix}/{route.TrimStart('/')}"), order: 0)
                {
                    DisplayName = function.Name,
                };
                var methods = function.Trigger["methods"]?.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).ToArray();
                if (methods is { Length: > 0 }) builder.Metadata.Add(new HttpMethodMetadata(methods, acceptCorsPreflight: true));
                endpoints.Add(builder.Build());
            }
            Publish(endpoints);
        };
    }

    public override IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            lock (_gate) return _endpoints;
        }
    }

    public override IChangeToken GetChangeToken()
    {
        lock (_gate) return new CancellationChangeToken(_changed.Token);
    }

    private void Publish(IReadOnlyList<Endpoint> endpoints)
    {
        CancellationTokenSource changed;
        lock (_gate)
        {
            _endpoints = endpoints;
            changed = _changed;
            _changed = new CancellationTokenSource();
        }
        changed.Cancel();
    }
}
