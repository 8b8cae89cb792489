using Microsoft.Extensions.Logging;
using Tributary.Storage;

namespace Tributary.Alerts;

/// <summary>
/// Puts an incident's events on queue <c>alerts-out</c> and marks the row queued. The mark comes after the message,
/// so a crash in between can only queue twice (the delivery function then skips the repeat), never lose the event.
/// </summary>
public sealed partial class AlertOutbox(AlertStore store, JsonQueue queue, TimeProvider time, ILogger<AlertOutbox> logger)
{
    public const string QueueName = "alerts-out";

    /// <summary>Queues the events of <paramref name="incident"/> that are due and not yet queued.</summary>
    public async Task QueuePendingAsync(AlertEntity incident, bool deliverResolved, CancellationToken cancellationToken)
    {
        var current = incident;
        if (current.OpenQueuedUtc is null)
        {
            await queue.SendAsync(QueueName, new AlertDeliveryMessage(current.Rule, current.RowKey, AlertDeliveryMessage.Opened), cancellationToken);
            LogQueued(logger, current.Rule, current.Subject, AlertDeliveryMessage.Opened);
            current = await MarkAsync(current, r => r with { OpenQueuedUtc = time.GetUtcNow() }, cancellationToken);
        }
        if (current is { State: AlertEntity.Resolved, ResolveQueuedUtc: null } && deliverResolved)
        {
            await queue.SendAsync(QueueName, new AlertDeliveryMessage(current.Rule, current.RowKey, AlertDeliveryMessage.ResolvedEvent), cancellationToken);
            LogQueued(logger, current.Rule, current.Subject, AlertDeliveryMessage.ResolvedEvent);
            await MarkAsync(current, r => r with { ResolveQueuedUtc = time.GetUtcNow() }, cancellationToken);
        }
    }

    /// <summary>Applies <paramref name="change"/> to the stored row, reading again when another writer got there first.</summary>
    private async Task<AlertEntity> MarkAsync(AlertEntity row, Func<AlertEntity, AlertEntity> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var changed = change(row);
            if (await store.TryReplaceAsync(changed, cancellationToken))
            {
                return await store.GetAsync(row.Rule, row.RowKey, cancellationToken) ?? changed;
            }
            row = await store.GetAsync(row.Rule, row.RowKey, cancellationToken) ?? throw new InvalidOperationException($"Alert row {row.Rule}/{row.RowKey} vanished.");
        }
        throw new InvalidOperationException($"Alert row {row.Rule}/{row.RowKey} kept changing while it was marked queued.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Rule} for {Subject}: {Event} queued for delivery")]
    private static partial void LogQueued(ILogger logger, string rule, string subject, string @event);
}
