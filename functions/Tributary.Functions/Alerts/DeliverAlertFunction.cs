using Tributary.Alerts;
using Tributary.Functions.Queues;

namespace Tributary.Functions.Alerts;

/// <summary>
/// Queue <c>alerts-out</c>: posts one incident event to the outgoing webhook. A failing endpoint throws, so the host
/// retries the message and, after <c>maxDequeueCount</c> (host.json), moves it to <c>alerts-out-poison</c>.
/// </summary>
public sealed class DeliverAlertFunction(AlertDeliveryService delivery)
{
    public const string Name = "DeliverAlert";

    [Function(Name)]
    public async Task<string> RunAsync([QueueTrigger(AlertOutbox.QueueName, Connection = Storage.StorageNames.ConnectionSetting)] string message, FunctionContext context) =>
        await delivery.DeliverAsync(QueueJson.Read<AlertDeliveryMessage>(message, Name), context.CancellationToken);
}
