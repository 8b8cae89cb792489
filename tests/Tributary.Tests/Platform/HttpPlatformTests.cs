using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tributary.Storage;
using Tributary.Testing;

namespace Tributary.Tests.Platform;

/// <summary>
/// The HTTP platform through the local host and the real worker, with hostile input: the admin gate (keys and
/// bearer tokens), problem+json for every 4xx the host or the worker answers, limits, compression, CORS, the served
/// OpenAPI document and the reference page. Never a 5xx for bad input, never a stack trace or a secret in a body.
/// </summary>
public sealed class HttpPlatformTests(PlatformStack stack) : IClassFixture<PlatformStack>
{
    private const string AdminRoute = "api/admin/backfill/open-meteo?from=2026-11-01&to=2026-11-02";

    private PipelineHarness App => stack.App;

    [Fact]
    public async Task Admin_operations_open_with_an_admin_key_in_the_header_or_the_query()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = App.Client(PipelineHarness.MasterKey);
        using var anonymous = App.Client();

        using var withHeader = await admin.GetAsync(AdminRoute, ct);
        using var withQuery = await anonymous.GetAsync($"{AdminRoute}&code={PipelineHarness.MasterKey}", ct);

        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withQuery.StatusCode);
    }

    [Fact]
    public async Task Admin_operations_refuse_missing_and_wrong_keys_with_401_problems_that_name_the_bearer_scheme()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = App.Client();
        using var wrong = App.Client("not-the-admin-key-at-all");

        using var none = await anonymous.GetAsync(AdminRoute, ct);
        using var wrongKey = await wrong.GetAsync(AdminRoute, ct);
        using var wrongQuery = await anonymous.PostAsync("api/admin/replay/open-meteo?from=2026-10-01&to=2026-10-02&code=nope", null, ct);

        foreach (var response in new[] { none, wrongKey, wrongQuery })
        {
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized, ct);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        // The function did not run: a refused replay leaves no replay row behind.
        var replay = await App.Storage.Table("replays").GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("open-meteo", "20261001-20261002-g1", cancellationToken: ct);
        Assert.False(replay.HasValue);
    }

    [Fact]
    public async Task A_bearer_token_with_the_admin_role_opens_admin_operations()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await WithTokenAsync(AdminTokens.Mint(["reader", "admin"]), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_without_the_admin_role_is_403()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await WithTokenAsync(AdminTokens.Mint(["reader"]), ct);
        await AssertProblemAsync(response, HttpStatusCode.Forbidden, ct);
    }

    public static TheoryData<string, string> RefusedTokens => new()
    {
        { "expired", AdminTokens.Mint(["admin"], expiresIn: TimeSpan.FromMinutes(-5)) },
        { "signed with another key", AdminTokens.Mint(["admin"], key: AdminTokens.OtherKey) },
        { "another issuer", AdminTokens.Mint(["admin"], issuer: "https://evil.example/") },
        { "another audience", AdminTokens.Mint(["admin"], audience: "api://someone-else") },
        { "alg none", AdminTokens.Unsigned() },
        { "not a JWT", "definitely.not.a-token" },
        { "garbage", new string('A', 4000) },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Tokens_that_are_expired_wrongly_signed_for_another_issuer_or_audience_or_unsigned_are_401(string why, string token)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await WithTokenAsync(token, ct);
        var body = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, ct);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("invalid_token", challenge.Parameter);
        Assert.DoesNotContain(token, body);
        Assert.True(why.Length > 0);
    }

    [Theory]
    [InlineData("api/no-such-route")]
    [InlineData("no-such-page")]
    [InlineData("api/admin/backfill")]
    public async Task Unknown_paths_are_404_problems(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        using var response = await http.GetAsync(path, ct);
        await AssertProblemAsync(response, HttpStatusCode.NotFound, ct);
    }

    [Fact]
    public async Task Wrong_methods_are_405_problems_with_Allow()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        using var delete = await http.DeleteAsync("api/kpis", ct);
        using var put = await http.PutAsync("api/catalog", new StringContent("{}"), ct);

        foreach (var response in new[] { delete, put })
        {
            await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, ct);
            Assert.Contains("GET", response.Content.Headers.Allow);
        }
    }

    [Theory]
    [InlineData(10 * 1024)]
    [InlineData(100 * 1024)]
    public async Task Over_long_URIs_are_414_problems_from_the_host(int length)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        using var response = await http.GetAsync("api/kpis?city=" + new string('x', length), ct);
        await AssertProblemAsync(response, HttpStatusCode.RequestUriTooLong, ct);
    }

    [Fact]
    public async Task A_URI_within_the_hosts_limit_but_over_the_workers_is_a_414_problem_from_the_worker()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        using var response = await http.GetAsync("api/kpis?city=" + new string('x', PlatformStack.WorkerMaxUriBytes + 500), ct);
        var body = await AssertProblemAsync(response, HttpStatusCode.RequestUriTooLong, ct);
        Assert.Contains(PlatformStack.WorkerMaxUriBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), body);
        Assert.Contains(App.Invocations.Snapshot(), r => r.FunctionName == "Kpis");
    }

    [Fact]
    public async Task Over_large_headers_are_431_problems()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/catalog");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('h', 64 * 1024));
        using var response = await http.SendAsync(request, ct);
        await AssertProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge, ct);
    }

    [Fact]
    public async Task Over_large_bodies_are_413_problems_declared_or_chunked()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client(PipelineHarness.MasterKey);
        using var declared = await http.PostAsync("api/admin/replay/open-meteo?from=2026-11-20&to=2026-11-22",
            new ByteArrayContent(new byte[5 * 1024 * 1024]), ct);
        await AssertProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge, ct);

        using var chunked = new HttpRequestMessage(HttpMethod.Post, "api/admin/replay/open-meteo?from=2026-11-20&to=2026-11-22")
        {
            Content = new StreamContent(new MemoryStream(new byte[5 * 1024 * 1024])),
        };
        chunked.Headers.TransferEncodingChunked = true;
        // Without a declared length the host finds out while forwarding; the worker may have answered by then
        // (this route reads no body), so the outcome is either that answer or a 413 problem, never a 5xx.
        using var cut = await http.SendAsync(chunked, ct);
        Assert.True((int)cut.StatusCode < 500, $"{(int)cut.StatusCode}");
        if ((int)cut.StatusCode >= 400) await AssertProblemAsync(cut, HttpStatusCode.RequestEntityTooLarge, ct);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Answers_are_compressed_when_asked_and_decode_to_the_same_json(string encoding)
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        var plain = await http.GetStringAsync("api/catalog", ct);

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/catalog");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await http.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var decoded = await DecodeAsync(response, ct);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(plain).RootElement, JsonDocument.Parse(decoded).RootElement));

        using var problemRequest = new HttpRequestMessage(HttpMethod.Get, "api/kpis?grain=week");
        problemRequest.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var problem = await http.SendAsync(problemRequest, ct);
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal([encoding], problem.Content.Headers.ContentEncoding);
        Assert.Equal("grain", JsonDocument.Parse(await DecodeAsync(problem, ct)).RootElement.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_and_answers_expose_ETag_and_Retry_After()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/kpis");
        preflight.Headers.Add("Origin", PlatformStack.AllowedOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match, authorization, x-functions-key, content-type");
        using var answer = await http.SendAsync(preflight, ct);

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(PlatformStack.AllowedOrigin, answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowed = string.Join(',', answer.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        foreach (var header in new[] { "if-none-match", "authorization", "x-functions-key", "content-type" }) Assert.Contains(header, allowed);

        using var get = new HttpRequestMessage(HttpMethod.Get, "api/catalog");
        get.Headers.Add("Origin", PlatformStack.AllowedOrigin);
        using var actual = await http.SendAsync(get, ct);
        var exposed = string.Join(',', actual.Headers.GetValues("Access-Control-Expose-Headers"));
        Assert.Contains("ETag", exposed);
        Assert.Contains("Retry-After", exposed);

        using var foreign = new HttpRequestMessage(HttpMethod.Options, "api/kpis");
        foreign.Headers.Add("Origin", "https://evil.example");
        foreign.Headers.Add("Access-Control-Request-Method", "GET");
        using var refused = await http.SendAsync(foreign, ct);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.True((int)refused.StatusCode < 500);
    }

    [Fact]
    public async Task The_served_document_names_the_real_server_and_the_reference_page_loads_its_script()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = App.Client();
        using var document = JsonDocument.Parse(await http.GetStringAsync("api/openapi/v1.json", ct));
        Assert.Equal($"{App.HostAddress.GetLeftPart(UriPartial.Authority)}/api", document.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());

        using var page = await http.GetAsync("api/docs", ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(ct);
        Assert.Contains("/api/openapi/v1.json", html);
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script src=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("/api/docs/scalar.js", script);

        using var request = new HttpRequestMessage(HttpMethod.Get, WebUtility.HtmlDecode(script));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var bundle = await http.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal(["gzip"], bundle.Content.Headers.ContentEncoding);
        Assert.Contains("createApiReference", await DecodeAsync(bundle, ct));
    }

    [Fact]
    public async Task A_function_that_throws_answers_a_500_problem_without_a_stack_trace()
    {
        var ct = TestContext.Current.CancellationToken;
        await App.Storage.Table(StorageNames.KpisTable).DeleteAsync(ct);
        try
        {
            using var http = App.Client();
            using var response = await http.GetAsync("api/kpis?city=oslo", ct);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.DoesNotContain("   at ", body);
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain("TableNotFound", body);
            var record = App.Invocations.Snapshot().Last(r => r.FunctionName == "Kpis");
            Assert.False(record.Succeeded);
            Assert.Contains(record.InvocationId, body);
        }
        finally
        {
            await App.Storage.Table(StorageNames.KpisTable).CreateIfNotExistsAsync(ct);
        }
    }

    private async Task<HttpResponseMessage> WithTokenAsync(string token, CancellationToken ct)
    {
        using var http = App.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, AdminRoute);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        return await http.SendAsync(request, ct);
    }

    /// <summary>A problem+json answer with that status: no stack trace, no key, no 5xx.</summary>
    internal static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, CancellationToken ct)
    {
        var body = await DecodeAsync(response, ct);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} instead of {(int)status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain(PipelineHarness.MasterKey, body);
        Assert.DoesNotContain(AdminTokens.SigningKey, body);
        return body;
    }

    internal static async Task<string> DecodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var raw = await response.Content.ReadAsStreamAsync(ct);
        Stream decoded = response.Content.Headers.ContentEncoding.LastOrDefault() switch
        {
            "br" => new BrotliStream(raw, CompressionMode.Decompress),
            "gzip" => new GZipStream(raw, CompressionMode.Decompress),
            _ => raw,
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }
}
