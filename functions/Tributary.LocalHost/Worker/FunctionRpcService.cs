using Grpc.Core;
using Tributary.LocalHost.Rpc;

namespace Tributary.LocalHost.Worker;

/// <summary>
/// The <c>FunctionRpc</c> service workers dial. As in the host, the first message must be a <c>StartStream</c>
/// whose worker id this host handed out; otherwise the call ends.
/// </summary>
public sealed partial class FunctionRpcService(WorkerChannels channels, ILogger<FunctionRpcService> logger) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken)) return;
        var first = requestStream.Current;
        if (first.ContentCase != StreamingMessage.ContentOneofCase.StartStream || !channels.TryGet(first.StartStream.WorkerId, out var channel))
        {
            LogRefused(logger, first.ContentCase.ToString(), first.StartStream?.WorkerId);
            return;
        }
        await channel.RunAsync(requestStream, responseStream, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a worker stream that opened with {Content} (worker id '{WorkerId}')")]
    private static partial void LogRefused(ILogger logger, string content, string? workerId);
}
