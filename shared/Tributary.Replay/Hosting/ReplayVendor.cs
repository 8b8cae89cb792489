namespace Tributary.Replay.Hosting;

/// <summary>One vendor served by the replay server, as listed by <c>GET /</c>.</summary>
/// <param name="Name">Stable vendor key, also used in the fault-switch route.</param>
/// <param name="Description">What the vendor is, for humans.</param>
/// <param name="Endpoints">Vendor-exact routes, e.g. <c>GET /v1/forecast</c>.</param>
/// <param name="FaultSwitch">Route that flips the vendor's fault mode at runtime.</param>
internal sealed record ReplayVendor(string Name, string Description, IReadOnlyList<string> Endpoints, string FaultSwitch);
