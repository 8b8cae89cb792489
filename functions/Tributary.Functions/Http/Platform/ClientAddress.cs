using Microsoft.AspNetCore.Http;

namespace Tributary.Functions.Http.Platform;

/// <summary>
/// The client a request came from, as the worker can know it behind the Functions host. The host forwards the caller
/// in <c>X-Forwarded-For</c>; the worker's forwarded-headers step (trusting its loopback host) already moved the
/// last entry into <c>RemoteIpAddress</c> and leaves earlier ones in the header. The first entry is the client that
/// reached the first proxy, so it wins; without one, the (forwarded) remote address is the client.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext http)
    {
        if (http.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var first = forwarded.Split(',', 2)[0].Trim();
            if (Normalize(first) is { } address) return address;
        }
        return http.Connection.RemoteIpAddress is { } remote
            ? (remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote).ToString()
            : Unknown;
    }

    /// <summary>An address without a port (<c>1.2.3.4:5678</c>, <c>[::1]:80</c>, as Azure's front end writes them), or null when it is not one.</summary>
    public static string? Normalize(string text)
    {
        if (System.Net.IPEndPoint.TryParse(text, out var endpoint))
        {
            var address = endpoint.Address;
            return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        }
        return null;
    }
}
