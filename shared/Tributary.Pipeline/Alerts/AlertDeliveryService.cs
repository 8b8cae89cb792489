using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tributary.Sources.Secrets;

namespace Tributary.Alerts;

/// <summary>
/// Delivers one queued event of an incident to <c>Alerts:WebhookUrl</c>, signed, through a resilient HttpClient.
/// An event already delivered is skipped (the outbox may have queued it twice); with no URL configured the row records
/// that it was not delivered; a failing endpoint throws, so the queue retries it and finally moves it to
/// <c>alerts-out-poison</c>, with the failure recorded on the row.
/// </summary>
public sealed partial class AlertDeliveryService(
    AlertStore store,
    IHttpClientFactory http,
    ISecretStore secrets,
    IOptions<AlertsOptions> options,
    TimeProvider time,
    ILogger<AlertDeliveryService> logger)
{
    public const string HttpClientName = "alerts-webhook";

    /// <summary>The secret's name in Key Vault (or <c>Secrets__alerts-webhook-secret</c>) when <c>Alerts:WebhookSecret</c> is not set.</summary>
    public const string SecretName = "alerts-webhook-secret";

    public const string NoWebhook = "not delivered: no webhook URL configured (Alerts:WebhookUrl)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>What happened, for the invocation's log.</returns>
    public async Task<string> DeliverAsync(AlertDeliveryMessage message, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(message.Rule, message.IncidentRowKey, cancellationToken)
            ?? throw new InvalidOperationException($"Alert delivery: rule '{message.Rule}' has no incident '{message.IncidentRowKey}'.");
        var opened = message.Event == AlertDeliveryMessage.Opened;
        if (!opened && message.Event != AlertDeliveryMessage.ResolvedEvent) throw new InvalidOperationException($"Alert delivery: unknown event '{message.Event}'.");
        if ((opened ? row.OpenDeliveredUtc : row.ResolveDeliveredUtc) is not null) return $"{message.Event} of {row.Rule}/{row.Subject} was delivered before; skipped";

        if (string.IsNullOrWhiteSpace(options.Value.WebhookUrl))
        {
            await RecordAsync(row, r => r with { Delivery = NoWebhook }, cancellationToken);
            LogNoWebhook(logger, row.Rule, row.Subject, message.Event);
            return NoWebhook;
        }

        var body = JsonSerializer.Serialize(new AlertWebhookBody(
            $"{row.Rule}|{row.RowKey}", message.Event, row.Rule, row.Kind, row.Subject, row.Source, row.State,
            row.IncidentStartUtc, row.OpenedUtc, row.ResolvedUtc, row.Detail, row.ResolveDetail), Json);
        var secret = options.Value.WebhookSecret is { Length: > 0 } configured ? configured : await secrets.GetAsync(SecretName, cancellationToken);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.WebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        // The same id on every retry, so a receiver can drop a repeat.
        request.Headers.Add(WebhookSignature.DeliveryHeader, $"{row.Rule}|{row.RowKey}|{message.Event}");

        string? failure;
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            failure = response.IsSuccessStatusCode ? null : $"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            failure = $"the webhook could not be reached ({ex.GetType().Name})";
        }
        if (failure is not null)
        {
            await RecordAsync(row, r => r with { Delivery = $"failed: {failure}", DeliveryAttempts = r.DeliveryAttempts + 1 }, cancellationToken);
            LogFailed(logger, row.Rule, row.Subject, message.Event, failure);
            // Thrown so the queue retries, and after maxDequeueCount moves the message to alerts-out-poison.
            throw new AlertDeliveryException($"Alert {row.Rule} for {row.Subject}: {message.Event} not delivered: {failure}.");
        }
        var now = time.GetUtcNow();
        await RecordAsync(row, r => (opened ? r with { OpenDeliveredUtc = now } : r with { ResolveDeliveredUtc = now }) with
        {
            Delivery = "delivered",
            DeliveryAttempts = r.DeliveryAttempts + 1,
        }, cancellationToken);
        LogDelivered(logger, row.Rule, row.Subject, message.Event);
        return $"{message.Event} of {row.Rule}/{row.Subject} delivered";
    }

    private async Task RecordAsync(AlertEntity row, Func<AlertEntity, AlertEntity> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            if (await store.TryReplaceAsync(change(row), cancellationToken)) return;
            row = await store.GetAsync(row.Rule, row.RowKey, cancellationToken) ?? throw new InvalidOperationException($"Alert row {row.Rule}/{row.RowKey} vanished.");
        }
        throw new InvalidOperationException($"Alert row {row.Rule}/{row.RowKey} kept changing while its delivery was recorded.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Rule} for {Subject}: {Event} delivered")]
    private static partial void LogDelivered(ILogger logger, string rule, string subject, string @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Rule} for {Subject}: {Event} not delivered: {Failure}")]
    private static partial void LogFailed(ILogger logger, string rule, string subject, string @event, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Rule} for {Subject}: {Event} recorded, not delivered (no Alerts:WebhookUrl)")]
    private static partial void LogNoWebhook(ILogger logger, string rule, string subject, string @event);
}
