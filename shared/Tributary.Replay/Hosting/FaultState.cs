namespace Tributary.Replay.Hosting;

/// <summary>Body of the <c>/_replay/faults/{vendor}</c> routes: the vendor's current fault mode.</summary>
internal sealed record FaultState(string Vendor, string Mode);
