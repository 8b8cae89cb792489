using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.EndToEnd;

/// <summary>
/// Saved views through the local host and the real worker on Azurite: created anonymously (as sharing a link is),
/// read with ETag revalidation, listed a page at a time with continuation tokens, deleted by an admin; and every bad
/// or hostile request answered by a problem naming the field, never a 5xx, never storing anything.
/// </summary>
public sealed class SavedViewsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Oslo = """
        {"name": "Oslo commute, last week", "kpis": ["on_time_performance", "commute_stress"], "cities": ["oslo"],
         "stop": "NSR:StopPlace:58366", "grain": "hour", "range": {"preset": "last-7d"}, "options": {"chart": "line", "smooth": true, "height": 320}}
        """;

    [Fact]
    public async Task Views_are_created_read_revalidated_listed_page_by_page_and_deleted_by_an_admin()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        await ClearAsync(app, ct);
        using var http = app.Client();

        // Created anonymously: 201, the view, and where it lives.
        using var created = await PostAsync(http, Oslo, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>(ct);
        var id = view.GetProperty("id").GetString()!;
        Assert.Matches("^[0-9A-Za-z]{10}$", id);
        Assert.Equal($"/api/v1/views/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Oslo commute, last week", view.GetProperty("name").GetString());
        Assert.Equal(["on_time_performance", "commute_stress"], view.GetProperty("kpis").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("NSR:StopPlace:58366", view.GetProperty("stop").GetString());
        Assert.Equal("last-7d", view.GetProperty("range").GetProperty("preset").GetString());
        Assert.Equal(("line", "true", "320"), (view.GetProperty("options").GetProperty("chart").GetString(),
            view.GetProperty("options").GetProperty("smooth").GetString(), view.GetProperty("options").GetProperty("height").GetString()));

        // Read back as saved, with a weak ETag and a public cache lifetime; revalidation answers 304.
        using var read = await http.GetAsync(created.Headers.Location, ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(view.GetRawText(), (await read.Content.ReadFromJsonAsync<JsonElement>(ct)).GetRawText());
        Assert.True(read.Headers.ETag?.IsWeak, "a weak ETag");
        Assert.Equal("public, max-age=300", read.Headers.CacheControl?.ToString());
        using var conditional = new HttpRequestMessage(HttpMethod.Get, created.Headers.Location);
        conditional.Headers.IfNoneMatch.Add(read.Headers.ETag!);
        using (var notModified = await http.SendAsync(conditional, ct)) Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        // An absolute range round-trips in UTC.
        using var absolute = await PostAsync(http, """
            {"name": "Bergen comfort", "kpis": ["thermal_comfort"], "cities": ["bergen", "oslo"], "grain": "day",
             "range": {"from": "2026-11-01T01:00:00+01:00", "to": "2026-11-08"}}
            """, ct);
        Assert.Equal(HttpStatusCode.Created, absolute.StatusCode);
        var absoluteView = await absolute.Content.ReadFromJsonAsync<JsonElement>(ct);
        var range = absoluteView.GetProperty("range");
        Assert.Equal((new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero)),
            (range.GetProperty("from").GetDateTimeOffset(), range.GetProperty("to").GetDateTimeOffset()));

        // A view's range as read back (unused members null) can be sent again as it is.
        var readBack = view.GetProperty("range").GetRawText();
        Assert.Contains("\"from\":null", readBack);
        using var resent = await PostAsync(http, $$"""{"name": "again", "kpis": ["thermal_comfort"], "range": {{readBack}}}""", ct);
        Assert.Equal(HttpStatusCode.Created, resent.StatusCode);
        var resentView = await resent.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Equal("last-7d", resentView.GetProperty("range").GetProperty("preset").GetString());

        // Six views, two per page: three pages in id order, the last without a token, every view exactly once.
        var ids = new List<string> { id, absoluteView.GetProperty("id").GetString()!, resentView.GetProperty("id").GetString()! };
        for (var i = 0; i < 3; i++)
        {
            using var more = await PostAsync(http, Oslo.Replace("Oslo commute, last week", $"View {i}", StringComparison.Ordinal), ct);
            ids.Add((await more.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!);
        }
        var listed = new List<string>();
        var pages = 0;
        string? token = null;
        do
        {
            using var response = await http.GetAsync("api/v1/views?limit=2" + (token is null ? "" : "&continuation=" + Uri.EscapeDataString(token)), ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotNull(response.Headers.ETag);
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            listed.AddRange(page.GetProperty("views").EnumerateArray().Select(v => v.GetProperty("id").GetString()!));
            token = page.GetProperty("continuation").ValueKind == JsonValueKind.String ? page.GetProperty("continuation").GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);
        Assert.Equal(3, pages);
        Assert.Equal(ids.Order(StringComparer.Ordinal), listed);

        // Deleting is an admin operation: refused without a key, 204 with it, then gone (404 naming the id).
        using (var refused = await http.DeleteAsync($"api/v1/views/{id}", ct)) Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var admin = app.Client(PipelineHarness.MasterKey);
        using (var deleted = await admin.DeleteAsync($"api/v1/views/{id}", ct)) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await AssertProblemAsync(await http.GetAsync($"api/v1/views/{id}", ct), HttpStatusCode.NotFound, "id");
        await AssertProblemAsync(await admin.DeleteAsync($"api/v1/views/{id}", ct), HttpStatusCode.NotFound, "id");
        Assert.Equal(5, (await http.GetFromJsonAsync<JsonElement>("api/v1/views?limit=100", ct)).GetProperty("views").GetArrayLength());
    }

    [Fact]
    public async Task Bad_and_hostile_requests_get_problems_naming_the_field_and_store_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, cancellationToken: ct);
        await ClearAsync(app, ct);
        using var http = app.Client();
        const string valid = """{"name": "x", "kpis": ["thermal_comfort"], "range": {"preset": "last-24h"}""";

        // Bodies: each problem names the field at fault.
        var bodies = new (string Body, string Field)[]
        {
            ("{", "body"),
            ("[]", "body"),
            ("null", "body"),
            ("{\"name\": \"x\", \"kpis\": [\"thermal_comfort\"], \"range\": {\"preset\": \"last-24h\"},}", "body"),
            (new string('[', 100) + new string(']', 100), "body"),
            (valid + ", \"evil\": 1}", "evil"),
            (valid + ", \"options\": {\"chart\": {\"nested\": true}}}", "options.chart"),
            (valid + ", \"options\": {\"a b\": 1}}", "options.a b"),
            (valid + ", \"options\": {" + string.Join(",", Enumerable.Range(0, 17).Select(i => $"\"o{i}\": 1")) + "}}", "options"),
            (valid + ", \"options\": {\"chart\": \"" + new string('x', 201) + "\"}}", "options.chart"),
            (valid + ", \"grain\": \"week\"}", "grain"),
            (valid + ", \"cities\": [\"oslo\", \"atlantis\"]}", "cities[1]"),
            (valid + ", \"cities\": [\"oslo\", \"oslo\"]}", "cities[1]"),
            (valid + ", \"cities\": \"oslo\"}", "cities"),
            (valid + ", \"stop\": \"NSR:StopPlace:1\", \"cities\": [\"oslo\"]}", "stop"),
            (valid + ", \"name\": \"again\"}", "name"),
            ("""{"kpis": ["thermal_comfort"], "range": {"preset": "last-24h"}}""", "name"),
            ("""{"name": "   ", "kpis": ["thermal_comfort"], "range": {"preset": "last-24h"}}""", "name"),
            ("{\"name\": \"" + new string('n', 81) + "\", \"kpis\": [\"thermal_comfort\"], \"range\": {\"preset\": \"last-24h\"}}", "name"),
            ("""{"name": "x", "kpis": [], "range": {"preset": "last-24h"}}""", "kpis"),
            ("""{"name": "x", "kpis": ["thermal_comfort", "x' or PartitionKey ne '"], "range": {"preset": "last-24h"}}""", "kpis[1]"),
            ("""{"name": "x", "kpis": [42], "range": {"preset": "last-24h"}}""", "kpis[0]"),
            ("""{"name": "x", "kpis": ["thermal_comfort"]}""", "range"),
            ("""{"name": "x", "kpis": ["thermal_comfort"], "range": {"preset": "last-year"}}""", "range.preset"),
            ("""{"name": "x", "kpis": ["thermal_comfort"], "range": {"preset": "last-7d", "from": "2026-11-01"}}""", "range"),
            ("""{"name": "x", "kpis": ["thermal_comfort"], "range": {"from": "yesterday", "to": "2026-11-02"}}""", "range.from"),
            ("""{"name": "x", "kpis": ["thermal_comfort"], "range": {"from": "2026-11-02"}}""", "range.to"),
            ("""{"name": "x", "kpis": ["thermal_comfort"], "range": {"from": "2026-11-02", "to": "2026-11-01"}}""", "range.to"),
            ("""{"name": "x", "kpis": ["thermal_comfort"], "range": {"from": "2026-01-01", "to": "2026-11-01"}}""", "range.to"),
            ("""{"name": "x", "kpis": ["thermal_comfort"], "range": {"from": "1066-10-14", "to": "1066-10-15"}}""", "range.from"),
            ("""{"name": "x", "kpis": ["thermal_comfort"], "range": {"since": "2026-11-01"}}""", "range.since"),
        };
        foreach (var (body, field) in bodies)
        {
            var problem = await AssertProblemAsync(await PostAsync(http, body, ct), HttpStatusCode.BadRequest, field, body);
            // A hostile value is never reflected whole.
            Assert.True(problem.Length < 2000, problem);
        }

        // Media type and size.
        using (var text = new StringContent(valid + "}", Encoding.UTF8, "text/plain"))
        {
            await AssertProblemAsync(await http.PostAsync("api/v1/views", text, ct), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        }
        using (var none = new ByteArrayContent(Encoding.UTF8.GetBytes(valid + "}")))
        {
            await AssertProblemAsync(await http.PostAsync("api/v1/views", none, ct), HttpStatusCode.UnsupportedMediaType, "Content-Type");
        }
        await AssertProblemAsync(await PostAsync(http, valid + ", \"options\": {\"pad\": \"" + new string(' ', 17 * 1024) + "\"}}", ct),
            HttpStatusCode.RequestEntityTooLarge, "body");

        // Ids and tokens: anything that is not one of ours is refused before it nears a table key or a filter.
        foreach (var hostile in new[] { "x'%20or%20PartitionKey%20ne%20'", "abc", "AAAAAAAAA%27", new string('A', 2000), "..%2F..%2Fviews", "AAAAAAAA%C3%A9" })
        {
            var problem = await AssertProblemAsync(await http.GetAsync($"api/v1/views/{hostile}", ct), HttpStatusCode.BadRequest, "id", hostile);
            Assert.DoesNotContain(new string('A', 100), problem);
        }
        // A NUL in the path never reaches a function: the server refuses the request line itself.
        using (var nul = await http.GetAsync("api/v1/views/AAAAAAAAA%00", ct)) Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        foreach (var token in new[] { "garbage", Convert.ToBase64String(Encoding.ASCII.GetBytes("v1:x' or ''='")), "djE6QUFBQUFBQUFBQQ%3D%3D%3D", new string('Q', 500) })
        {
            await AssertProblemAsync(await http.GetAsync($"api/v1/views?continuation={token}", ct), HttpStatusCode.BadRequest, "continuation", token);
        }
        await AssertProblemAsync(await http.GetAsync("api/v1/views?limit=0", ct), HttpStatusCode.BadRequest, "limit");
        await AssertProblemAsync(await http.GetAsync("api/v1/views?limit=101", ct), HttpStatusCode.BadRequest, "limit");
        await AssertProblemAsync(await http.GetAsync("api/v1/views?limit=ten", ct), HttpStatusCode.BadRequest, "limit");
        await AssertProblemAsync(await http.GetAsync("api/v1/views/AAAAAAAAAA", ct), HttpStatusCode.NotFound, "id");

        // Methods no route has are refused by the host, not served.
        foreach (var (method, url) in new[] { (HttpMethod.Put, "api/v1/views"), (HttpMethod.Patch, "api/v1/views/AAAAAAAAAA"), (HttpMethod.Delete, "api/v1/views"), (HttpMethod.Post, "api/v1/views/AAAAAAAAAA") })
        {
            using var request = new HttpRequestMessage(method, url) { Content = new StringContent(valid + "}", Encoding.UTF8, "application/json") };
            using var response = await http.SendAsync(request, ct);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"{method} {url}: {(int)response.StatusCode}");
        }

        // None of it stored a view, and the app is still well.
        Assert.Empty(await TableSnapshot.TakeAsync(app.Storage, StorageNames.ViewsTable));
        using var healthy = await PostAsync(http, valid + "}", ct);
        Assert.Equal(HttpStatusCode.Created, healthy.StatusCode);
        Assert.DoesNotContain(app.Invocations.Snapshot(), r => !r.Succeeded);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return await http.PostAsync("api/v1/views", content, ct);
    }

    /// <returns>The problem's text.</returns>
    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string parameter, string? what = null)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{what}: {(int)response.StatusCode} {text}");
            Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, $"{what}: {(int)response.StatusCode} {response.Content.Headers.ContentType} '{text}'");
            using var problem = JsonDocument.Parse(text);
            Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
            Assert.Contains(parameter, problem.RootElement.GetProperty("title").GetString());
            Assert.False(problem.RootElement.TryGetProperty("exception", out _));
            return text;
        }
    }

    /// <summary>The class shares one Azurite: each test starts without views.</summary>
    private static async Task ClearAsync(PipelineHarness app, CancellationToken ct)
    {
        var table = app.Storage.Table(StorageNames.ViewsTable);
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: ct)) await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: ct);
    }
}
