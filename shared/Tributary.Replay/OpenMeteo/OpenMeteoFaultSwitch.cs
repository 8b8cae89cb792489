using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenMeteo;

/// <summary>The current fault mode: starts from configuration, flipped at runtime by the <c>/_replay/faults</c> route.</summary>
internal sealed class OpenMeteoFaultSwitch : IFaultSwitch
{
    private int _mode;

    public OpenMeteoFaultSwitch(IOptions<OpenMeteoOptions> options)
    {
        _ = OpenMeteoFaults.TryParse(options.Value.Fault, out var initial);
        _mode = (int)initial;
    }

    private int _burstLeft;

    public OpenMeteoFault Mode
    {
        get => (OpenMeteoFault)Volatile.Read(ref _mode);
        set
        {
            Volatile.Write(ref _burstLeft, value == OpenMeteoFault.ServerErrorBurst ? BurstLength : 0);
            Volatile.Write(ref _mode, (int)value);
        }
    }

    /// <summary>How many requests a <see cref="OpenMeteoFault.ServerErrorBurst"/> fails before the server recovers.</summary>
    public const int BurstLength = 2;

    /// <summary>The fault to serve to this request: a burst counts itself down and then clears.</summary>
    public OpenMeteoFault Take()
    {
        var mode = Mode;
        if (mode != OpenMeteoFault.ServerErrorBurst) return mode;
        if (Interlocked.Decrement(ref _burstLeft) >= 0) return OpenMeteoFault.ServerError;
        Mode = OpenMeteoFault.None;
        return OpenMeteoFault.None;
    }

    public string Vendor => OpenMeteoReplayExtensions.VendorName;

    public string CurrentName => OpenMeteoFaults.NameOf(Mode);

    public IReadOnlyList<string> Names => OpenMeteoFaults.Names;

    public bool TrySet(string? name)
    {
        if (!OpenMeteoFaults.TryParse(name, out var fault)) return false;
        Mode = fault;
        return true;
    }
}
