using System.Net;
using System.Text;
using System.Text.Json;
using static Tributary.Tests.Replay.Entur.EnturRequests;

namespace Tributary.Tests.Replay.Entur;

public sealed class EnturOAuthTests
{
    private const string Query = """{ stopPlace(id: "NSR:StopPlace:58366") { id } }""";

    [Fact]
    public async Task A_json_token_request_gets_a_bearer_token_that_must_not_be_cached()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var response = await server.RequestTokenJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await JsonAsync(response);
        Assert.Equal(["access_token", "expires_in", "token_type"], Keys(body));
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());

        var parts = body.GetProperty("access_token").GetString()!.Split('.');
        Assert.Equal(3, parts.Length);
        var claims = JsonDocument.Parse(Base64UrlDecode(parts[1])).RootElement;
        Assert.Equal(Audience, claims.GetProperty("aud").GetString());
        Assert.Equal(DemoClientId, claims.GetProperty("azp").GetString());
        Assert.Equal(RunningReplayServer.DefaultNow.AddHours(1).ToUnixTimeSeconds(), claims.GetProperty("exp").GetInt64());
    }


    [Fact]
    public async Task Configured_clients_and_token_lifetime_replace_the_demo_client()
    {
        await using var server = await RunningReplayServer.StartAsync(settings:
            ["--Replay:Entur:Clients:acme=s3cret, with \"quotes\"", "--Replay:Entur:TokenLifetimeSeconds=120"]);

        using var demo = await server.RequestTokenJsonAsync();
        using var acme = await server.RequestTokenJsonAsync("acme", "s3cret, with \"quotes\"");

        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, acme.StatusCode);
        Assert.Equal(120, (await JsonAsync(acme)).GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task A_wrong_secret_is_invalid_client()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var json = await server.RequestTokenJsonAsync(secret: "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
        Assert.Equal("invalid_client", (await JsonAsync(json)).GetProperty("error").GetString());
        Assert.Empty(json.Headers.WwwAuthenticate);
        Assert.Equal("no-store", json.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Bad_grants_and_audiences_are_refused_in_the_rfc_6749_shape()
    {
        await using var server = await RunningReplayServer.StartAsync();
        using var password = await server.RequestTokenJsonAsync(grantType: "password");
        using var noGrant = await server.RequestTokenJsonAsync(grantType: "");
        using var form = await server.PostRawAsync(TokenPath, "grant_type=client_credentials", "application/x-www-form-urlencoded");
        using var staging = await server.RequestTokenJsonAsync(audience: "https://api.staging.entur.io");

        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal("unsupported_grant_type", (await JsonAsync(password)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noGrant.StatusCode);
        Assert.Equal("invalid_request", (await JsonAsync(noGrant)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, staging.StatusCode);
        Assert.Equal(["error", "error_description"], Keys(await JsonAsync(staging)));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode); // Entur's tenant takes JSON.
        Assert.Equal("invalid_request", (await JsonAsync(form)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_valid_bearer_token_is_accepted_and_counted_against_the_partner_quota()
    {
        await using var server = await RunningReplayServer.StartAsync(settings: "--Replay:Entur:PartnerQuotaPerMinute=4000");
        var token = await server.TokenAsync();

        using var withToken = await server.PostGraphQLAsync(Query, bearer: token);
        using var withoutToken = await server.PostGraphQLAsync(Query);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal("4000", Header(withToken, "Rate-Limit-Allowed"));
        Assert.Equal("1", Header(withToken, "Rate-Limit-Used"));
        Assert.Equal("1000", Header(withoutToken, "Rate-Limit-Allowed"));
        Assert.Equal("1", Header(withoutToken, "Rate-Limit-Used"));
    }

    [Fact]
    public async Task A_token_past_its_lifetime_on_the_replay_clock_is_refused_with_invalid_token()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var token = await server.TokenAsync();

        server.Time.Advance(TimeSpan.FromSeconds(3599));
        using (var stillValid = await server.PostGraphQLAsync(Query, bearer: token))
        {
            Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        }

        server.Time.Advance(TimeSpan.FromSeconds(1));
        using var expired = await server.PostGraphQLAsync(Query, bearer: token);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        var challenge = Assert.Single(expired.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal("invalid_token", (await JsonAsync(expired)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Tokens_not_issued_by_this_server_are_refused()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

        using var response = await server.PostGraphQLAsync(Query, bearer: forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", Assert.Single(response.Headers.WwwAuthenticate).Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expiring_all_tokens_forces_the_401_then_refresh_path()
    {
        await using var server = await RunningReplayServer.StartAsync();
        var token = await server.TokenAsync();
        using (var before = await server.PostGraphQLAsync(Query, bearer: token))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var expire = await server.PostAsync(ExpireTokensRoute))
        {
            Assert.Equal(HttpStatusCode.OK, expire.StatusCode);
            Assert.Equal(1, (await JsonAsync(expire)).GetProperty("expired").GetInt32());
        }

        using (var refused = await server.PostGraphQLAsync(Query, bearer: token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var refreshed = await server.TokenAsync();
        using var retried = await server.PostGraphQLAsync(Query, bearer: refreshed);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
