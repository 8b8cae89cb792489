using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Tributary.Functions.OpenApi;

/// <summary>A <c>[Function]</c> method whose trigger is HTTP, with the attributes that document it.</summary>
internal sealed record HttpFunction(string Name, MethodInfo Method, HttpTriggerAttribute Trigger, OpenApiOperationAttribute Operation)
{
    /// <summary>
    /// Every HTTP function in <paramref name="assembly"/>, found the way the worker's source generator finds them, so
    /// the document cannot drift from <c>functions.metadata</c>.
    /// </summary>
    public static IReadOnlyList<HttpFunction> FindAll(Assembly assembly) =>
    [
        .. from type in assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
           let function = method.GetCustomAttribute<FunctionAttribute>()
           where function is not null
           let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(t => t is not null)
           where trigger is not null
           orderby function.Name
           select new HttpFunction(function.Name, method, trigger,
               method.GetCustomAttribute<OpenApiOperationAttribute>()
               ?? throw new InvalidOperationException($"HTTP function '{function.Name}' ({type.Name}.{method.Name}) has no [OpenApiOperation]; every HTTP function must be documented.")),
    ];

    /// <summary>The route relative to the route prefix; the host uses the function name when none is given.</summary>
    public string Route => Trigger.Route ?? Name;

    /// <summary>The host demands a function key (the function is not anonymous to the host).</summary>
    public bool RequiresKey => Trigger.AuthLevel != AuthorizationLevel.Anonymous;

    /// <summary>An admin operation: anonymous to the host, authorised by the worker's admin gate (key or bearer token).</summary>
    public bool IsAdmin => Method.GetCustomAttribute<Http.Security.AdminOperationAttribute>() is not null;

    /// <summary>Counted against the per-client rate limit of the public routes (see <see cref="Http.Platform.HttpFunctionCatalog"/>).</summary>
    public bool RateLimited => !IsAdmin && !Http.Platform.HttpFunctionCatalog.Unlimited.Contains(Name);

    public IReadOnlyList<HttpMethod> HttpMethods =>
        Trigger.Methods is { Length: > 0 } methods
            ? [.. methods.Select(m => HttpMethod.Parse(m))]
            // The host accepts every method when none is listed; documenting all of them would be noise, so insist.
            : throw new InvalidOperationException($"HTTP function '{Name}' lists no methods in its HttpTrigger; list them so the document can name them.");

    public T[] Attributes<T>() where T : Attribute => [.. Method.GetCustomAttributes<T>()];
}
