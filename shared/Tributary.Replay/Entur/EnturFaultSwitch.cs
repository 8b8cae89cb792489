using Microsoft.Extensions.Options;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur;

/// <summary>The current fault mode: starts from configuration, flipped at runtime by the <c>/_replay/faults/entur</c> route.</summary>
internal sealed class EnturFaultSwitch : IFaultSwitch
{
    private int _mode;

    public EnturFaultSwitch(IOptions<EnturOptions> options)
    {
        _ = EnturFaults.TryParse(options.Value.Fault, out var initial);
        _mode = (int)initial;
    }

    public EnturFault Mode
    {
        get => (EnturFault)Volatile.Read(ref _mode);
        set => Volatile.Write(ref _mode, (int)value);
    }

    public string Vendor => EnturReplay.VendorName;

    public string CurrentName => EnturFaults.NameOf(Mode);

    public IReadOnlyList<string> Names => EnturFaults.Names;

    public bool TrySet(string? name)
    {
        if (!EnturFaults.TryParse(name, out var fault)) return false;
        Mode = fault;
        return true;
    }
}
