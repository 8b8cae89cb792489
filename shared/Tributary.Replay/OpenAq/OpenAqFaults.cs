using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenAq;

internal enum OpenAqFault
{
    None,

    /// <summary>Every data call answers 500.</summary>
    ServerError,

    /// <summary>The next <see cref="OpenAqFaultSwitch.BurstLength"/> data calls answer 503, then the vendor recovers.</summary>
    ServerErrorBurst,

    /// <summary>Every data call answers 408, as OpenAQ does for aggregates that take too long.</summary>
    Timeout408,

    /// <summary>A 200 whose JSON stops halfway.</summary>
    TruncatedBody,

    /// <summary>A 200 whose body is not JSON (an HTML error page from a proxy).</summary>
    MalformedJson,

    /// <summary>Hourly results carry <c>val</c> instead of <c>value</c>.</summary>
    SchemaDrift,

    /// <summary>Answers are held back <see cref="OpenAqOptions.SlowResponseSeconds"/>.</summary>
    Slow,
}

/// <summary>The configuration and URL spelling of <see cref="OpenAqFault"/> values.</summary>
internal static class OpenAqFaults
{
    public const string NoneName = "none";

    private static readonly Dictionary<string, OpenAqFault> ByName = new(StringComparer.Ordinal)
    {
        [NoneName] = OpenAqFault.None,
        ["server-error"] = OpenAqFault.ServerError,
        ["server-error-burst"] = OpenAqFault.ServerErrorBurst,
        ["timeout-408"] = OpenAqFault.Timeout408,
        ["truncated-body"] = OpenAqFault.TruncatedBody,
        ["malformed-json"] = OpenAqFault.MalformedJson,
        ["schema-drift"] = OpenAqFault.SchemaDrift,
        ["slow"] = OpenAqFault.Slow,
    };

    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys];

    public static bool TryParse([NotNullWhen(true)] string? name, out OpenAqFault fault)
    {
        var key = name?.Trim().ToLowerInvariant();
        if (key is "") key = NoneName;
        return ByName.TryGetValue(key ?? "\0", out fault);
    }

    public static string NameOf(OpenAqFault fault) => ByName.First(pair => pair.Value == fault).Key;
}

/// <summary>The current fault mode: starts from configuration, flipped at runtime by <c>/_replay/faults/openaq</c>.</summary>
internal sealed class OpenAqFaultSwitch : IFaultSwitch
{
    public const int BurstLength = 2;

    private readonly Lock _gate = new();
    private OpenAqFault _mode;
    private int _burstLeft;

    public OpenAqFaultSwitch(IOptions<OpenAqOptions> options)
    {
        _ = OpenAqFaults.TryParse(options.Value.Fault, out var initial);
        Mode = initial;
    }

    public OpenAqFault Mode
    {
        get { lock (_gate) return _mode; }
        set
        {
            lock (_gate)
            {
                _mode = value;
                _burstLeft = value == OpenAqFault.ServerErrorBurst ? BurstLength : 0;
            }
        }
    }

    /// <summary>The fault for this data call; a burst is used up call by call.</summary>
    public OpenAqFault Next()
    {
        lock (_gate)
        {
            if (_mode != OpenAqFault.ServerErrorBurst) return _mode;
            if (_burstLeft == 0) return OpenAqFault.None;
            _burstLeft--;
            return OpenAqFault.ServerErrorBurst;
        }
    }

    public string Vendor => OpenAqReplay.VendorName;

    public string CurrentName => OpenAqFaults.NameOf(Mode);

    public IReadOnlyList<string> Names => OpenAqFaults.Names;

    public bool TrySet(string? name)
    {
        if (!OpenAqFaults.TryParse(name, out var fault)) return false;
        Mode = fault;
        return true;
    }
}
