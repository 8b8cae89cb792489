namespace Tributary.Replay.Entur.Network;

/// <summary>The Transmodel <c>TransportMode</c> values the catalogue uses (serialised lower case).</summary>
internal enum TransportMode
{
    Bus,
    Tram,
    Metro,
    Rail,
}

internal static class TransportModes
{
    /// <summary>Every value of the schema's enum, so queries naming modes the catalogue lacks still validate.</summary>
    public static IReadOnlyList<string> SchemaValues { get; } =
        ["air", "bus", "cableway", "water", "funicular", "lift", "rail", "metro", "taxi", "tram", "trolleybus", "monorail", "coach", "unknown"];

    public static string NameOf(TransportMode mode) => mode switch
    {
        TransportMode.Bus => "bus",
        TransportMode.Tram => "tram",
        TransportMode.Metro => "metro",
        TransportMode.Rail => "rail",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
