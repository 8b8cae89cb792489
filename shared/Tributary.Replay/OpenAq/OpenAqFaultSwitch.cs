using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.OpenAq;

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
