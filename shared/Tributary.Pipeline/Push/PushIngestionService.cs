using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tributary.Landing;
using Tributary.Sources;
using Tributary.Sources.Manifests;
using Tributary.Sources.Secrets;
using Tributary.Storage;

namespace Tributary.Push;

/// <summary>
/// Takes an upload or a signed webhook delivery for a push source and lands it exactly as a pulled page is landed: an
/// immutable raw blob <c>raw/{source}/{yyyy}/{MM}/{dd}/{runId}/{upload|webhook}.{csv|json}</c> with its SHA-256, a
/// row in <c>runs</c>, and a message on queue <c>curate</c>, so quality, quarantine, observations and KPIs follow as
/// for any page. The same bytes on the same UTC day are one landing (table <c>uploads</c>); a copy that finds the
/// landing unfinished (its first copy died half-way) finishes it, so nothing claimed is ever left unlanded.
/// </summary>
public sealed partial class PushIngestionService(
    SourceRegistry registry,
    UploadStore uploads,
    WebhookDeliveryStore deliveries,
    RawPayloadStore raw,
    RunRecordStore runs,
    JsonQueue queue,
    ISecretStore secrets,
    TimeProvider time,
    ILogger<PushIngestionService> logger)
{
    public const string UploadPage = "upload";
    public const string WebhookPage = "webhook";

    /// <summary>Whether <paramref name="presented"/> is the source's upload key (compared in fixed time).</summary>
    /// <exception cref="SecretNotFoundException">The key's secret is not configured.</exception>
    public async Task<bool> UploadKeyMatchesAsync(SourceManifest manifest, string? presented, CancellationToken cancellationToken)
    {
        if (manifest.Push?.KeySecretName is not { } name) return false;
        var expected = await secrets.GetAsync(name, cancellationToken);
        return FixedTime.TextEquals(presented, expected);
    }

    /// <exception cref="PushRejectedException">The body cannot be read as an upload for this source (400).</exception>
    public Task<UploadReceipt> UploadAsync(SourceManifest manifest, byte[] body, string mediaType, CancellationToken cancellationToken) =>
        ReceiveAsync(manifest, body, mediaType, UploadPage, cancellationToken);

    /// <summary>Checks the delivery's timestamp and signature, claims its signature (once only), then lands the body as a JSON upload.</summary>
    /// <exception cref="PushRejectedException">401 for a timestamp outside the window or a bad signature, 409 for a replay, 400 for an unreadable body.</exception>
    /// <exception cref="SecretNotFoundException">The webhook's secret is not configured.</exception>
    public async Task<UploadReceipt> DeliverAsync(SourceManifest manifest, byte[] body, string? timestamp, string? signature, CancellationToken cancellationToken)
    {
        var hook = PushSources.WebhookOf(manifest);
        var secret = await secrets.GetAsync(hook.SecretName!, cancellationToken);
        var now = time.GetUtcNow();
        var window = TimeSpan.FromSeconds(hook.ReplayWindowSeconds);
        var verdict = WebhookSignature.Check(secret, timestamp, signature, body, now, window, out var signed);
        switch (verdict)
        {
            case WebhookVerdict.MissingTimestamp:
                throw Unauthorized(hook.TimestampHeader, $"Header '{hook.TimestampHeader}' must be the delivery's time in whole Unix seconds.");
            case WebhookVerdict.OutsideWindow:
                throw Unauthorized(hook.TimestampHeader, $"Header '{hook.TimestampHeader}' is more than {hook.ReplayWindowSeconds} s from now; sign the delivery again with the current time.");
            case WebhookVerdict.MissingSignature:
                throw Unauthorized(hook.SignatureHeader, $"Header '{hook.SignatureHeader}' must be '{WebhookSignature.Scheme}' and the hex HMAC-SHA256 of '{{timestamp}}.{{body}}'.");
            case WebhookVerdict.BadSignature:
                throw Unauthorized(hook.SignatureHeader, $"Header '{hook.SignatureHeader}' does not match the body and timestamp under the source's webhook secret.");
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(timestamp!, System.Globalization.CultureInfo.InvariantCulture));
        if (!await deliveries.ClaimAsync(manifest.Id, signed!, signedAt, now, sha, cancellationToken))
        {
            LogReplayed(logger, manifest.Id, signedAt);
            throw new PushRejectedException(StatusCodes.Status409Conflict, "Replayed delivery", hook.SignatureHeader,
                $"A delivery with this signature was accepted before; a new delivery needs a new timestamp and signature.");
        }
        try
        {
            return await ReceiveAsync(manifest, body, PushSpec.Json, WebhookPage, cancellationToken);
        }
        catch
        {
            // Not landed: the sender's retry of this very delivery must not be taken for a replay.
            await deliveries.ReleaseAsync(manifest.Id, signed!, CancellationToken.None);
            throw;
        }
    }

    private async Task<UploadReceipt> ReceiveAsync(SourceManifest manifest, byte[] body, string mediaType, string pageKey, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        var rowKey = UploadEntity.RowKeyOf(now, sha);
        var row = await uploads.GetAsync(manifest.Id, rowKey, cancellationToken);
        var duplicate = row is not null;
        // The run id starts with the arrival minute, as a pulled run's does, so a later correction sorts (and wins) after
        // an earlier upload; the hash tells apart two uploads of one minute.
        row ??= new UploadEntity
        {
            PartitionKey = TableKey.Join(manifest.Id),
            RowKey = rowKey,
            Source = manifest.Id,
            Day = rowKey.Split('|')[0],
            Sha256 = sha,
            RunId = $"{RunIds.For(now)}.push-{sha[..12]}",
            PageKey = pageKey,
            MediaType = mediaType,
            Bytes = body.Length,
            ReceivedUtc = now,
        };
        row.BlobName = RawPayloadStore.BlobName(manifest.Id, row.RunId, row.ReceivedUtc, row.PageKey, row.MediaType);

        // Read before anything is stored: an unreadable body is refused whole and leaves no trace.
        var summary = UploadProfiler.Profile(manifest, registry.Mapper(manifest.Id), body, row.MediaType, row.BlobName, row.RunId);

        if (!duplicate)
        {
            var (held, inserted) = await uploads.ClaimAsync(row, cancellationToken);
            (row, duplicate) = (held, !inserted);
        }
        if (!row.Completed)
        {
            var landed = await raw.LandAsync(manifest.Id, row.RunId, row.ReceivedUtc, new RawPage(row.PageKey, null, body, row.MediaType), cancellationToken);
            await runs.SaveAsync(new RunRecord(manifest.Id, row.RunId, row.ReceivedUtc, now, clock.ElapsedMilliseconds, 1, landed.Bytes, IngestionService.Succeeded, null),
                cancellationToken);
            await queue.SendAsync(StorageNames.CurateQueue, new CurateMessage(manifest.Id, row.RunId, landed.BlobName, landed.Sha256, null), cancellationToken);
            await uploads.CompleteAsync(row, cancellationToken);
        }
        LogReceived(logger, manifest.Id, pageKey, row.BlobName, body.Length, duplicate, summary.Rows, summary.Rejected);
        return new UploadReceipt(manifest.Id, row.RunId, row.BlobName, row.Sha256, row.Bytes, row.MediaType, duplicate, row.ReceivedUtc, summary);
    }

    private static PushRejectedException Unauthorized(string header, string detail) =>
        new(StatusCodes.Status401Unauthorized, $"Invalid parameter '{header}'", header, detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} {Via}: {Blob} ({Bytes} bytes, duplicate: {Duplicate}), {Rows} row(s), {Rejected} rejected")]
    private static partial void LogReceived(ILogger logger, string source, string via, string blob, long bytes, bool duplicate, int rows, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhook: refused a replayed delivery signed at {SignedUtc}")]
    private static partial void LogReplayed(ILogger logger, string source, DateTimeOffset signedUtc);
}
