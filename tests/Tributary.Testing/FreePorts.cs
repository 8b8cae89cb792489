using System.Net;
using System.Net.Sockets;

namespace Tributary.Testing;

public static class FreePorts
{
    /// <summary>Distinct free loopback ports, held open together while they are chosen so none repeats.</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
