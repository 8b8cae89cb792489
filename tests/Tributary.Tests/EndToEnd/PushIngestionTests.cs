using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Tributary.Push;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// Push ingestion on real parts, through the local host: CSV uploads to the shipped <c>city-counters</c> source and
/// signed webhook deliveries land as raw blobs with a run row, curate into observations and quality rows like pulled
/// pages, land once when sent twice, and every refusal is a problem naming what was wrong. No key or secret value is
/// ever stored, logged or answered.
/// </summary>
public sealed class PushIngestionTests(PushIngestionTests.Stack stack) : IClassFixture<PushIngestionTests.Stack>
{
    private const string Source = "city-counters";
    private const string UploadKey = "test-upload-key-5f2c81";
    private const string WebhookSecret = "test-webhook-secret-9a1d47";
    private const int Limit = 4096;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>One Azurite and one app for the class; each test sends bytes of its own, so none sees another's landing.</summary>
    public sealed class Stack : IAsyncLifetime
    {
        private AzuriteProcess? _azurite;

        public PipelineHarness App { get; private set; } = null!;

        public CapturedLogs Logs { get; } = new();

        /// <summary>Every response body the tests received, to be searched for secrets.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string> Answers { get; } = new();

        public async ValueTask InitializeAsync()
        {
            _azurite = await AzuriteProcess.StartAsync();
            App = await PipelineHarness.StartAsync(_azurite.ConnectionString, runTimersOnStartup: false, logs: Logs, handlerSettings: new Dictionary<string, string?>
            {
                ["Secrets:city-counters-upload-key"] = UploadKey,
                ["Secrets:city-counters-webhook-secret"] = WebhookSecret,
                ["Sources:CityCounters:Push:MaxUploadBytes"] = Limit.ToString(CultureInfo.InvariantCulture),
            });
        }

        public async ValueTask DisposeAsync()
        {
            if (App is not null) await App.DisposeAsync();
            if (_azurite is not null) await _azurite.DisposeAsync();
        }
    }

    private PipelineHarness App => stack.App;

    [Fact]
    public async Task A_csv_upload_lands_once_gets_a_run_curates_into_observations_and_quality_and_answers_its_summary()
    {
        var ct = TestContext.Current.CancellationToken;
        var csv = "time,city,cyclists,pedestrians\n" +
                  "2026-11-20T07:00:00Z,oslo,118,402\n" +
                  "2026-11-20T08:00:00Z,oslo,240,\n" +
                  "2026-11-20T08:00:00Z,bergen,96,310\n" +
                  "not a time,oslo,1,2\n" +
                  "2026-11-20T09:00:00Z,atlantis,5,6\n";

        var (status, receipt) = await UploadAsync(csv, "text/csv", UploadKey, ct);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var blob = receipt.GetProperty("blob").GetString()!;
        var runId = receipt.GetProperty("runId").GetString()!;
        var sha = receipt.GetProperty("sha256").GetString()!;
        Assert.False(receipt.GetProperty("duplicate").GetBoolean());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(csv))), sha);
        var day = receipt.GetProperty("receivedUtc").GetDateTimeOffset().UtcDateTime;
        Assert.Equal($"{Source}/{day:yyyy}/{day:MM}/{day:dd}/{runId}/upload.csv", blob);
        Assert.Matches(@"^\d{8}T\d{4}Z\.push-[0-9a-f]{12}$", runId);

        // The summary, read while the upload was read.
        var summary = receipt.GetProperty("summary");
        Assert.Equal(5, summary.GetProperty("rows").GetInt32());
        var columns = summary.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("completeness").GetDouble());
        Assert.Equal(["time", "city", "cyclists", "pedestrians"], columns.Keys);
        Assert.Equal((1d, 0.8), (columns["cyclists"], columns["pedestrians"]));
        Assert.Equal(2, summary.GetProperty("rejected").GetInt32());
        var rejects = summary.GetProperty("rejects").EnumerateArray().Select(r => (r.GetProperty("locator").GetString(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Contains(rejects, r => r.Item1 == "line 5:time" && r.Item2 == "time is not an ISO 8601 time");
        Assert.Contains(rejects, r => r.Item1 == "line 6:city" && r.Item2.StartsWith("city 'atlantis' is not a configured city", StringComparison.Ordinal));
        Assert.Equal(6, summary.GetProperty("observations").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero), summary.GetProperty("firstTimeUtc").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), summary.GetProperty("lastTimeUtc").GetDateTimeOffset());

        // The blob, immutable, with its hash; the run row.
        var stored = App.Storage.Container(StorageNames.RawContainer).GetBlobClient(blob);
        var properties = (await stored.GetPropertiesAsync(cancellationToken: ct)).Value;
        Assert.Equal(("text/csv", sha), (properties.ContentType, properties.Metadata["sha256"]));
        Assert.Equal(csv, (await stored.DownloadContentAsync(ct)).Value.Content.ToString());
        var run = await App.Runs.GetAsync(Source, runId, ct);
        Assert.NotNull(run);
        Assert.Equal(("Succeeded", 1, (long)csv.Length), (run.Outcome, run.Pages, run.Bytes));

        // The same curate path as a pulled page: observations, and the quality row with the rejects counted.
        await CuratedAsync(blob);
        var oslo = await ObservationAsync("oslo", "20261120", "cyclist_count|20261120T0800", ct);
        Assert.Equal((240d, "1", runId, blob), (oslo.GetDouble("Value"), oslo.GetString("Unit"), oslo.GetString("RunId"), oslo.GetString("RawBlob")));
        var missing = await ObservationAsync("oslo", "20261120", "pedestrian_count|20261120T0800", ct);
        Assert.Null(missing.GetDouble("Value"));
        Assert.Equal(96d, (await ObservationAsync("bergen", "20261120", "cyclist_count|20261120T0800", ct)).GetDouble("Value"));
        var quality = await App.Quality.GetAsync(Source, blob, ct);
        Assert.NotNull(quality);
        Assert.Equal((6, 1, 2, runId), (quality.Observations, quality.Missing, quality.Rejected, quality.RunId));
        Assert.NotNull(quality.QuarantineBlob);

        // The same bytes again (on the same UTC day) are the same landing: one blob, and the answer says so.
        var (_, again) = await UploadAsync(csv, "text/csv; charset=utf-8", UploadKey, ct);
        if (!again.GetProperty("duplicate").GetBoolean() && DateTime.UtcNow.Date != day.Date)
        {
            // Midnight UTC passed between the two: a new day is a new landing, and the next copy is that one's duplicate.
            blob = again.GetProperty("blob").GetString()!;
            day = again.GetProperty("receivedUtc").GetDateTimeOffset().UtcDateTime;
            (_, again) = await UploadAsync(csv, "text/csv; charset=utf-8", UploadKey, ct);
        }
        Assert.True(again.GetProperty("duplicate").GetBoolean());
        Assert.Equal((blob, sha), (again.GetProperty("blob").GetString(), again.GetProperty("sha256").GetString()));
        var landed = new List<string>();
        await foreach (var item in App.Storage.Container(StorageNames.RawContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{Source}/", ct)) landed.Add(item.Name);
        Assert.Single(landed, name => name.EndsWith($"-{sha[..12]}/upload.csv", StringComparison.Ordinal) && name.Contains($"/{day:yyyy}/{day:MM}/{day:dd}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_json_upload_is_read_by_the_same_mapping()
    {
        var ct = TestContext.Current.CancellationToken;
        var (status, receipt) = await UploadAsync("""[{"time":"2026-11-19T12:00:00Z","city":"trondheim","cyclists":33,"pedestrians":81}]""", "application/json", UploadKey, ct);
        Assert.Equal(HttpStatusCode.Accepted, status);
        var blob = receipt.GetProperty("blob").GetString()!;
        Assert.EndsWith("/upload.json", blob);
        Assert.Equal(["time", "city", "cyclists", "pedestrians"], receipt.GetProperty("summary").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        await CuratedAsync(blob);
        Assert.Equal(81d, (await ObservationAsync("trondheim", "20261119", "pedestrian_count|20261119T1200", ct)).GetDouble("Value"));
        // Its shape is the mapping's: curation recorded no drift for the source.
        var drift = new List<TableEntity>();
        await foreach (var row in App.Storage.Table(StorageNames.DriftTable).QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Source}"), cancellationToken: ct)) drift.Add(row);
        Assert.Empty(drift);
    }

    [Fact]
    public async Task Uploads_without_the_key_or_with_a_wrong_one_wrong_media_types_and_unreadable_bodies_are_refused_with_problems()
    {
        var ct = TestContext.Current.CancellationToken;
        const string csv = "time,city,cyclists,pedestrians\n2026-11-18T10:00:00Z,oslo,1,2\n";
        await AssertProblemAsync(await SendAsync(Upload(csv, "text/csv", key: null), ct), HttpStatusCode.Unauthorized, "x-tributary-key");
        await AssertProblemAsync(await SendAsync(Upload(csv, "text/csv", "not-the-key"), ct), HttpStatusCode.Unauthorized, "x-tributary-key");
        await AssertProblemAsync(await SendAsync(Upload(csv, "text/plain", UploadKey), ct), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await AssertProblemAsync(await SendAsync(Upload(csv, "text/csv; charset=latin1", UploadKey), ct), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        var unreadable = await AssertProblemAsync(await SendAsync(Upload("time,city\n2026-11-18T10:00:00Z,oslo\n", "text/csv", UploadKey), ct), HttpStatusCode.BadRequest, "body");
        Assert.Contains("lacks column(s) 'cyclists', 'pedestrians'", unreadable);
        await AssertProblemAsync(await SendAsync(Upload("{not json", "application/json", UploadKey), ct), HttpStatusCode.BadRequest, "body");

        // Unknown and pulled sources: the source is at fault.
        using var unknown = new HttpRequestMessage(HttpMethod.Post, "api/v1/ingest/no-such-source") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        await AssertProblemAsync(await SendAsync(unknown, ct), HttpStatusCode.NotFound, "source");
        using var pulled = new HttpRequestMessage(HttpMethod.Post, "api/v1/ingest/open-meteo") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        await AssertProblemAsync(await SendAsync(pulled, ct), HttpStatusCode.BadRequest, "source");

        // None of them landed anything.
        await foreach (var blob in App.Storage.Container(StorageNames.RawContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{Source}/", ct))
        {
            var content = (await App.Storage.Container(StorageNames.RawContainer).GetBlobClient(blob.Name).DownloadContentAsync(ct)).Value.Content.ToString();
            Assert.DoesNotContain("2026-11-18T10:00:00Z", content);
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_413_whether_its_length_is_declared_or_it_is_chunked()
    {
        var ct = TestContext.Current.CancellationToken;
        var big = "time,city,cyclists,pedestrians\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"2026-11-17T{i % 24:00}:00:00Z,oslo,{i},{i}\n"));
        Assert.True(Encoding.UTF8.GetByteCount(big) > Limit);
        var declared = await AssertProblemAsync(await SendAsync(Upload(big, "text/csv", UploadKey), ct), HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Contains($"{Limit} bytes", declared);

        // No Content-Length: the body arrives chunked and is cut off once it passes the limit.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, $"api/v1/ingest/{Source}") { Content = new ChunkedContent(Encoding.UTF8.GetBytes(big), "text/csv") };
        chunked.Headers.Add("x-tributary-key", UploadKey);
        chunked.Headers.TransferEncodingChunked = true;
        await AssertProblemAsync(await SendAsync(chunked, ct), HttpStatusCode.RequestEntityTooLarge, "body");

        var landed = new List<string>();
        await foreach (var blob in App.Storage.Container(StorageNames.RawContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{Source}/", ct)) landed.Add(blob.Name);
        var bigSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(big)));
        Assert.DoesNotContain(landed, name => name.Contains(bigSha[..12], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_webhook_is_accepted_once_and_curated_and_bad_or_stale_or_replayed_deliveries_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var body = """[{"time":"2026-11-16T15:00:00Z","city":"bergen","cyclists":57,"pedestrians":199}]""";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string Ts(long offset) => (now + offset).ToString(CultureInfo.InvariantCulture);

        // Good: 202, landed as the webhook page, curated.
        var timestamp = Ts(0);
        var signature = WebhookSignature.Sign(WebhookSecret, timestamp, Encoding.UTF8.GetBytes(body));
        using var good = await SendAsync(Webhook(body, timestamp, signature), ct);
        var text = await good.Content.ReadAsStringAsync(ct);
        Assert.True(good.StatusCode == HttpStatusCode.Accepted, text);
        var receipt = JsonDocument.Parse(text).RootElement;
        var blob = receipt.GetProperty("blob").GetString()!;
        Assert.EndsWith("/webhook.json", blob);
        await CuratedAsync(blob);
        Assert.Equal(199d, (await ObservationAsync("bergen", "20261116", "pedestrian_count|20261116T1500", ct)).GetDouble("Value"));

        // The very same delivery again: replayed.
        var replayed = await AssertProblemAsync(await SendAsync(Webhook(body, timestamp, signature), ct), HttpStatusCode.Conflict, "x-tributary-signature");
        Assert.Contains("accepted before", replayed);

        // A wrong signature, a signature over another body, a stale and a future timestamp, none at all.
        var other = """[{"time":"2026-11-16T16:00:00Z","city":"bergen","cyclists":1,"pedestrians":2}]""";
        await AssertProblemAsync(await SendAsync(Webhook(other, timestamp, signature), ct), HttpStatusCode.Unauthorized, "x-tributary-signature");
        await AssertProblemAsync(await SendAsync(Webhook(other, Ts(1), WebhookSignature.Sign("not-the-secret", Ts(1), Encoding.UTF8.GetBytes(other))), ct),
            HttpStatusCode.Unauthorized, "x-tributary-signature");
        await AssertProblemAsync(await SendAsync(Webhook(other, Ts(-3600), WebhookSignature.Sign(WebhookSecret, Ts(-3600), Encoding.UTF8.GetBytes(other))), ct),
            HttpStatusCode.Unauthorized, "x-tributary-timestamp");
        await AssertProblemAsync(await SendAsync(Webhook(other, Ts(3600), WebhookSignature.Sign(WebhookSecret, Ts(3600), Encoding.UTF8.GetBytes(other))), ct),
            HttpStatusCode.Unauthorized, "x-tributary-timestamp");
        await AssertProblemAsync(await SendAsync(Webhook(other, null, WebhookSignature.Sign(WebhookSecret, Ts(0), Encoding.UTF8.GetBytes(other))), ct),
            HttpStatusCode.Unauthorized, "x-tributary-timestamp");
        await AssertProblemAsync(await SendAsync(Webhook(other, Ts(0), null), ct), HttpStatusCode.Unauthorized, "x-tributary-signature");
        // A webhook body is JSON.
        using var csv = Webhook("time,city,cyclists,pedestrians\n", Ts(0), WebhookSignature.Sign(WebhookSecret, Ts(0), "time,city,cyclists,pedestrians\n"u8));
        csv.Content!.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        await AssertProblemAsync(await SendAsync(csv, ct), HttpStatusCode.UnsupportedMediaType, "Content-Type");

        // Only the good delivery is in the replay table, and nothing of the refused ones landed.
        var deliveries = new List<TableEntity>();
        await foreach (var row in App.Storage.Table(WebhookDeliveryStore.TableName).QueryAsync<TableEntity>(cancellationToken: ct)) deliveries.Add(row);
        Assert.Contains(deliveries, d => d.RowKey == signature["sha256=".Length..] && d.PartitionKey == Source);
        var otherSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(other)));
        Assert.DoesNotContain(deliveries, d => d.GetString("BodySha256") == otherSha);
        await AssertNoObservationAsync("bergen", "20261116", "cyclist_count|20261116T1600", ct);

        // Two racing copies of one new delivery: exactly one passes.
        var raceBody = """[{"time":"2026-11-16T17:00:00Z","city":"oslo","cyclists":3,"pedestrians":4}]""";
        var raceTs = Ts(2);
        var raceSignature = WebhookSignature.Sign(WebhookSecret, raceTs, Encoding.UTF8.GetBytes(raceBody));
        var race = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await SendAsync(Webhook(raceBody, raceTs, raceSignature), ct);
            return response.StatusCode;
        }));
        Assert.Equal(1, race.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(3, race.Count(s => s == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task No_key_or_secret_value_reaches_a_response_a_blob_a_table_a_queue_or_a_log()
    {
        var ct = TestContext.Current.CancellationToken;
        // Traffic of its own, so the search covers it whatever order the tests run in: an upload, a refused key, a webhook.
        var (status, receipt) = await UploadAsync("time,city,cyclists,pedestrians\n2026-11-15T06:00:00Z,oslo,9,9\n", "text/csv", UploadKey, ct);
        Assert.Equal(HttpStatusCode.Accepted, status);
        await SendAsync(Upload("time,city,cyclists,pedestrians\n", "text/csv", UploadKey + "x"), ct);
        var body = """[{"time":"2026-11-15T07:00:00Z","city":"oslo","cyclists":1,"pedestrians":1}]""";
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using (var hook = await SendAsync(Webhook(body, ts, WebhookSignature.Sign(WebhookSecret, ts, Encoding.UTF8.GetBytes(body))), ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, hook.StatusCode);
        }
        await CuratedAsync(receipt.GetProperty("blob").GetString()!);

        foreach (var secret in new[] { UploadKey, WebhookSecret })
        {
            Assert.Empty(await StoredText.FindAsync(App.Storage, secret, ct));
            Assert.DoesNotContain(stack.Logs.Lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(stack.Answers, answer => answer.Contains(secret, StringComparison.Ordinal));
        }
        Assert.NotEmpty(stack.Logs.Lines);
    }

    private HttpRequestMessage Upload(string body, string contentType, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/ingest/{Source}") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (key is not null) request.Headers.Add("x-tributary-key", key);
        return request;
    }

    private static HttpRequestMessage Webhook(string body, string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/webhooks/{Source}") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (timestamp is not null) request.Headers.Add("x-tributary-timestamp", timestamp);
        if (signature is not null) request.Headers.Add("x-tributary-signature", signature);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var http = App.Client();
        var response = await http.SendAsync(request, ct);
        await response.Content.LoadIntoBufferAsync(ct);
        stack.Answers.Enqueue(string.Join('\n', response.Headers.Select(h => $"{h.Key}: {string.Join(',', h.Value)}")) + await response.Content.ReadAsStringAsync(ct));
        return response;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string body, string contentType, string key, CancellationToken ct)
    {
        using var request = Upload(body, contentType, key);
        using var response = await SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <returns>The problem's detail.</returns>
    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string parameter)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
            Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
            return problem.GetProperty("detail").GetString()!;
        }
    }

    private Task CuratedAsync(string blob) =>
        App.Invocations.WaitForAsync(records => records.Any(r => r.FunctionName == "Curate" && r.Succeeded &&
            JsonDocument.Parse(r.Request.TriggerMetadata["QueueTrigger"].String).RootElement.GetProperty("blob").GetString() == blob), Deadline, $"{blob} to be curated");

    private async Task<TableEntity> ObservationAsync(string city, string day, string rowKeyStart, CancellationToken ct)
    {
        var row = await FindObservationAsync(city, day, rowKeyStart, ct);
        Assert.True(row is not null, $"no observation {city}|{day} {rowKeyStart}");
        return row;
    }

    private async Task AssertNoObservationAsync(string city, string day, string rowKeyStart, CancellationToken ct) =>
        Assert.Null(await FindObservationAsync(city, day, rowKeyStart, ct));

    private async Task<TableEntity?> FindObservationAsync(string city, string day, string rowKeyStart, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"{city}|{day}"} and RowKey ge {rowKeyStart} and RowKey lt {rowKeyStart + "~"} and Source eq {Source}");
        await foreach (var row in App.Storage.Table(StorageNames.ObservationsTable).QueryAsync<TableEntity>(filter, cancellationToken: ct)) return row;
        return null;
    }

    /// <summary>A body without a length, so the client sends it chunked.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedContent(byte[] bytes, string mediaType)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < _bytes.Length; i += 512) await stream.WriteAsync(_bytes.AsMemory(i, Math.Min(512, _bytes.Length - i)));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
