using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace Tributary.Replay.Hosting;

/// <summary>
/// One vendor's current <see cref="Fault"/>: starts from its <c>Fault</c> setting, flipped at runtime by
/// <c>POST /_replay/faults/{vendor}?mode=</c>. The same class serves every vendor; what a fault looks like on the wire
/// is the vendor's business, except the distortions of a 200 body, which are the same everywhere.
/// </summary>
internal sealed partial class FaultSwitch
{
    public const int BurstLength = 2;

    /// <summary>What <see cref="Fault.MalformedJson"/> serves: the page a proxy shows when the API behind it is down.</summary>
    public const string ProxyErrorPage = "<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>";

    private readonly Lock _gate = new();
    private readonly TimeSpan _slowness;
    private readonly TimeProvider _time;
    private Fault _mode;
    private int _burstLeft;

    public FaultSwitch(string vendor, VendorOptions options, TimeProvider time)
    {
        Vendor = vendor;
        Supported = [Fault.None, .. options.Faults];
        _slowness = TimeSpan.FromSeconds(options.SlowResponseSeconds);
        _time = time;
        TrySet(options.Fault);
    }

    public string Vendor { get; }

    public IReadOnlyList<Fault> Supported { get; }

    public Fault Mode
    {
        get { lock (_gate) return _mode; }
    }

    public bool TrySet(string? name)
    {
        if (!TryParse(name, out var fault) || !Supported.Contains(fault)) return false;
        lock (_gate)
        {
            _mode = fault;
            _burstLeft = fault == Fault.ServerErrorBurst ? BurstLength : 0;
        }
        return true;
    }

    /// <summary>The fault for this call: a burst is used up call by call, then the vendor answers normally again.</summary>
    public Fault Take()
    {
        lock (_gate)
        {
            if (_mode != Fault.ServerErrorBurst) return _mode;
            if (--_burstLeft == 0) _mode = Fault.None;
            return Fault.ServerErrorBurst;
        }
    }

    public Task DelayIfSlowAsync(Fault fault, CancellationToken cancellationToken) =>
        fault == Fault.Slow ? Task.Delay(_slowness, _time, cancellationToken) : Task.CompletedTask;

    /// <summary>A 200 body as <paramref name="fault"/> spoils it; <paramref name="drift"/> is the vendor's renamed field.</summary>
    public static ReadOnlyMemory<byte> Distort(Fault fault, ReadOnlyMemory<byte> body, (string From, string To) drift) => fault switch
    {
        Fault.TruncatedBody => body[..(body.Length / 2)],
        Fault.MalformedJson => Encoding.UTF8.GetBytes(ProxyErrorPage),
        Fault.SchemaDrift => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body.Span)
            .Replace($"\"{drift.From}\"", $"\"{drift.To}\"", StringComparison.Ordinal)),
        _ => body,
    };

    public static string NameOf(Fault fault) => WordStart().Replace(fault.ToString(), "-$0").ToLowerInvariant();

    public static bool TryParse([NotNullWhen(true)] string? name, out Fault fault)
    {
        var wanted = string.IsNullOrWhiteSpace(name) ? NameOf(Fault.None) : name.Trim().ToLowerInvariant();
        fault = Enum.GetValues<Fault>().FirstOrDefault(candidate => NameOf(candidate) == wanted);
        return NameOf(fault) == wanted;
    }

    // "ServerErrorBurst" -> "server-error-burst", "Timeout408" -> "timeout-408".
    [GeneratedRegex("(?<=[a-z])(?=[A-Z0-9])")]
    private static partial Regex WordStart();
}
