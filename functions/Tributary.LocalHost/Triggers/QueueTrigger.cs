using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Tributary.LocalHost.Invocations;
using Tributary.LocalHost.Metadata;

namespace Tributary.LocalHost.Triggers;

/// <summary>
/// A queue trigger with the host's semantics (QueueListener/QueueProcessor): receive up to <c>batchSize</c> messages
/// with a 10-minute visibility that is renewed while the invocation runs; poison without invoking when
/// <c>DequeueCount &gt; maxDequeueCount</c> or the base64 text does not decode; delete on success; on failure either
/// copy to <c>{queue}-poison</c> (when <c>DequeueCount &gt;= maxDequeueCount</c>) or make the message visible again
/// after <c>visibilityTimeout</c>. Empty polls back off up to <c>maxPollingInterval</c>.
/// </summary>
public sealed partial class QueueTrigger
{
    private static readonly TimeSpan ReceiveVisibility = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(5);

    private readonly FunctionMetadata _function;
    private readonly QueueClient _queue;
    private readonly QueueClient? _poison;
    private readonly QueueSettings _settings;
    private readonly bool _binary;
    private readonly IFunctionInvoker _invoker;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public QueueTrigger(FunctionMetadata function, AppSettings settings, StorageConnections storage, HostConfiguration host,
        IFunctionInvoker invoker, TimeProvider time, ILogger logger)
    {
        _function = function;
        var queueName = settings.Resolve(function.Property("queueName")
            ?? throw new InvalidOperationException($"{function.Name}: queueTrigger has no 'queueName'."), $"{function.Name} queueName");
        var service = storage.Queues(function.Property("connection") is { Length: > 0 } c ? c : "AzureWebJobsStorage");
        _queue = service.GetQueueClient(queueName.ToLowerInvariant());
        // The host makes no poison queue for a queue that is itself a poison queue.
        _poison = queueName.EndsWith("-poison", StringComparison.OrdinalIgnoreCase) ? null : service.GetQueueClient($"{_queue.Name}-poison");
        _settings = host.Queues;
        _binary = string.Equals(function.Property("dataType"), "binary", StringComparison.OrdinalIgnoreCase);
        _invoker = invoker;
        _time = time;
        _logger = logger;
    }

    public string QueueName => _queue.Name;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new PollingBackoff(_settings.MaxPollingInterval);
        while (!cancellationToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await _queue.ReceiveMessagesAsync(_settings.BatchSize, ReceiveVisibility, cancellationToken)).Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                messages = []; // The queue is not created yet: back off like an empty poll.
            }
            catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
            {
                LogReceiveFailed(_logger, _queue.Name, ex.Message);
                messages = []; // Storage is busy or unreachable: back off and try again, never stop listening.
            }
            if (messages.Length == 0)
            {
                await Task.Delay(backoff.NextDelay(), _time, cancellationToken);
                continue;
            }
            backoff.Reset();
            await Task.WhenAll(messages.Select(m => ProcessSafelyAsync(m, cancellationToken)));
        }
    }

    private async Task ProcessSafelyAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await ProcessAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or HttpRequestException)
        {
            // E.g. a lost pop receipt: the message becomes visible again when its visibility expires and is retried.
            LogSettleFailed(_logger, message.MessageId, _queue.Name, ex.Message);
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        if (message.DequeueCount > _settings.MaxDequeueCount)
        {
            await PoisonAsync(message, message.PopReceipt, $"dequeue count {message.DequeueCount} is over {_settings.MaxDequeueCount}", cancellationToken);
            return;
        }
        if (!TryDecode(message.MessageText, out var body))
        {
            await PoisonAsync(message, message.PopReceipt, "message is not valid base64 (host.json messageEncoding is base64)", cancellationToken);
            return;
        }

        var receipt = new PopReceiptHolder(message.PopReceipt);
        using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewVisibilityAsync(message.MessageId, receipt, renewal.Token);
        InvocationRecord outcome;
        try
        {
            var (inputs, metadata) = TriggerPayloads.Queue(_function.TriggerName, _binary, message, body, Text(body));
            outcome = await _invoker.InvokeAsync(_function.Name, inputs, metadata, cancellationToken);
        }
        finally
        {
            await renewal.CancelAsync();
            await renewing;
        }

        if (outcome.Succeeded)
        {
            await _queue.DeleteMessageAsync(message.MessageId, receipt.Value, cancellationToken);
        }
        else if (message.DequeueCount >= _settings.MaxDequeueCount)
        {
            await PoisonAsync(message, receipt.Value, outcome.Error ?? "failed", cancellationToken);
        }
        else
        {
            await _queue.UpdateMessageAsync(message.MessageId, receipt.Value, visibilityTimeout: _settings.VisibilityTimeout, cancellationToken: cancellationToken);
        }
    }

    private async Task RenewVisibilityAsync(string messageId, PopReceiptHolder receipt, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, _time, cancellationToken);
                var updated = await _queue.UpdateMessageAsync(messageId, receipt.Value, visibilityTimeout: ReceiveVisibility, cancellationToken: cancellationToken);
                receipt.Value = updated.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RequestFailedException ex)
        {
            LogRenewFailed(_logger, _queue.Name, messageId, ex.Status);
        }
    }

    private async Task PoisonAsync(QueueMessage message, string popReceipt, string reason, CancellationToken cancellationToken)
    {
        if (_poison is null)
        {
            return; // No poison queue: the message stays invisible until its visibility expires, as in the host.
        }
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _poison.SendMessageAsync(message.MessageText, cancellationToken); // The original (still encoded) body.
        await _queue.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken);
        LogPoisoned(_logger, message.MessageId, _queue.Name, _poison.Name, message.DequeueCount, reason);
    }

    private bool TryDecode(string raw, out byte[] body)
    {
        if (!_settings.Base64)
        {
            body = Encoding.UTF8.GetBytes(raw);
            return true;
        }
        try
        {
            body = Convert.FromBase64String(raw);
            return true;
        }
        catch (FormatException)
        {
            body = [];
            return false;
        }
    }

    /// <summary>The body as text, or null when it is not valid UTF-8 (the host then omits <c>QueueTrigger</c>).</summary>
    private static string? Text(byte[] body)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private sealed class PopReceiptHolder(string value)
    {
        public string Value { get; set; } = value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} moved from {Queue} to {PoisonQueue} after {DequeueCount} dequeue(s): {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string queue, string poisonQueue, long dequeueCount, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not poll {Queue}: {Error}")]
    private static partial void LogReceiveFailed(ILogger logger, string queue, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not settle message {MessageId} of {Queue}: {Error}")]
    private static partial void LogSettleFailed(ILogger logger, string messageId, string queue, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the visibility of message {MessageId} in {Queue}: {Status}")]
    private static partial void LogRenewFailed(ILogger logger, string queue, string messageId, int status);
}
