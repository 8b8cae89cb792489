using System.Collections.Concurrent;
using System.Reflection;
using Tributary.Functions.Http.Security;

namespace Tributary.Functions.Http.Platform;

/// <summary>
/// What the platform middleware needs to know about the function an invocation runs, read once per function by
/// reflection from its entry point (<c>Namespace.Type.Method</c> in the assembly at <c>PathToAssembly</c>): whether it
/// is an admin operation, and whether it is exempt from the per-client rate limit.
/// </summary>
public sealed class HttpFunctionCatalog
{
    /// <summary>Functions that are never rate limited besides admin operations: probes must see the app as it is.</summary>
    public static readonly IReadOnlySet<string> Unlimited = new HashSet<string>(StringComparer.Ordinal) { "Health" };

    private readonly ConcurrentDictionary<string, FunctionTraits> _traits = new(StringComparer.Ordinal);

    public FunctionTraits For(FunctionDefinition function) =>
        _traits.GetOrAdd(function.Id, static (_, f) => Read(f), function);

    private static FunctionTraits Read(FunctionDefinition function)
    {
        var method = EntryPoint(function.PathToAssembly, function.EntryPoint);
        var admin = method?.GetCustomAttribute<AdminOperationAttribute>() is not null;
        return new FunctionTraits(function.Name, admin, RateLimited: !admin && !Unlimited.Contains(function.Name));
    }

    /// <summary>The method behind an entry point; null when it cannot be found (then the function is treated as public).</summary>
    public static MethodInfo? EntryPoint(string pathToAssembly, string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        if (split <= 0) return null;
        var (typeName, methodName) = (entryPoint[..split], entryPoint[(split + 1)..]);
        var assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a =>
                           !a.IsDynamic && string.Equals(a.Location, Path.GetFullPath(pathToAssembly), StringComparison.Ordinal))
                       ?? Assembly.LoadFrom(pathToAssembly);
        return assembly.GetType(typeName)?.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == methodName && m.GetCustomAttribute<FunctionAttribute>() is not null);
    }
}

/// <param name="Name">The function's name.</param>
/// <param name="IsAdmin">Marked <see cref="AdminOperationAttribute"/>: the admin gate decides who may call it.</param>
/// <param name="RateLimited">Counted against the caller's per-minute allowance.</param>
public sealed record FunctionTraits(string Name, bool IsAdmin, bool RateLimited);
