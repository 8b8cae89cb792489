using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Tributary.LocalHost.Worker;

/// <summary>
/// The gRPC endpoint workers dial, apart from the public HTTP port as in the host: Kestrel on 127.0.0.1 with a free
/// port, HTTP/2 only (cleartext with prior knowledge; the worker fails with HTTP_1_1_REQUIRED otherwise), and no
/// message size limits (the worker is told <c>int.MaxValue</c>).
/// </summary>
public sealed class GrpcServer(WorkerChannels channels, ILoggerFactory loggers) : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.Services.AddSingleton(channels);
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = null;
            grpc.MaxSendMessageSize = null;
        });
        _app = builder.Build();
        _app.MapGrpcService<FunctionRpcService>();
        await _app.StartAsync(cancellationToken);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Address = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
