using Microsoft.Extensions.Options;

namespace Tributary.Replay.Hosting;

/// <summary>The body of <c>GET /</c>: which vendors this server answers for.</summary>
internal sealed record ReplayIndex(string Service, int Seed, IReadOnlyList<ReplayVendor> Vendors)
{
    public static ReplayIndex Create(IOptions<ReplayOptions> options, IEnumerable<ReplayVendor> vendors) =>
        new("tributary-replay", options.Value.Seed, [.. vendors]);
}
