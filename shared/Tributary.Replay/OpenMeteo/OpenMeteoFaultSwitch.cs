using Microsoft.Extensions.Options;

namespace Tributary.Replay.OpenMeteo;

/// <summary>The current fault mode: starts from configuration, flipped at runtime by the <c>/_replay/faults</c> route.</summary>
internal sealed class OpenMeteoFaultSwitch
{
    private int _mode;

    public OpenMeteoFaultSwitch(IOptions<OpenMeteoOptions> options)
    {
        _ = OpenMeteoFaults.TryParse(options.Value.Fault, out var initial);
        _mode = (int)initial;
    }

    public OpenMeteoFault Mode
    {
        get => (OpenMeteoFault)Volatile.Read(ref _mode);
        set => Volatile.Write(ref _mode, (int)value);
    }
}
