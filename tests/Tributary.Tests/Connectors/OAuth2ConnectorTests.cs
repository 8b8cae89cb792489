using Microsoft.Extensions.DependencyInjection;
using Tributary.Landing;
using Tributary.Sources;
using Tributary.Sources.Auth;
using Tributary.Sources.Connectors;
using Tributary.Testing;

namespace Tributary.Tests.Connectors;

/// <summary>OAuth2 client credentials against a real token endpoint: formats, caching, one refresh on 401, refusals.</summary>
public sealed class OAuth2ConnectorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset RunTime = new(2026, 11, 22, 10, 5, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Settings(TestVendor vendor, string format, string secret = TestVendor.ClientSecret)
    {
        var settings = ConnectorHarness.Manifest("Partner", "partner", vendor.BaseUrl, "/protected",
            ("Auth:Kind", "OAuth2ClientCredentials"), ("Auth:TokenUrl", "/oauth/token"), ("Auth:ClientId", TestVendor.ClientId),
            ("Auth:SecretName", "partner-client-secret"), ("Auth:Audience", "https://api.example.test"), ("Auth:TokenRequestFormat", format));
        settings["Secrets:partner-client-secret"] = secret;
        return settings;
    }

    [Theory]
    [InlineData("Form", "audience=https://api.example.test&client_id=tributary-test&client_secret=<20>&grant_type=client_credentials")]
    [InlineData("FormWithBasicAuth", "audience=https://api.example.test&auth=basic&client_id=tributary-test&client_secret=<20>&grant_type=client_credentials")]
    [InlineData("Json", "audience=https://api.example.test&client_id=tributary-test&client_secret=<20>&grant_type=client_credentials")]
    public async Task The_token_is_requested_in_the_declared_format_then_cached_across_runs(string format, string expectedTokenRequest)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vendor = await TestVendor.StartAsync(ct);
        await using var services = await ConnectorHarness.BuildAsync(azurite.ConnectionString, Settings(vendor, format), "partner");
        var connector = services.GetRequiredService<SourceRegistry>().Connector("partner");

        for (var run = 0; run < 3; run++)
        {
            var pages = 0;
            await foreach (var _ in connector.FetchAsync(new SourceRun(RunTime.AddHours(run)), new FetchStats(), ct)) pages++;
            Assert.Equal(1, pages);
        }
        Assert.Equal(expectedTokenRequest, Assert.Single(vendor.TokenRequests));
        Assert.Equal(1, services.GetRequiredService<OAuth2TokenProvider>().TokensFetched);
    }

    [Fact]
    public async Task A_token_the_resource_no_longer_accepts_is_replaced_once_and_the_call_succeeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vendor = await TestVendor.StartAsync(ct);
        await using var services = await ConnectorHarness.BuildAsync(azurite.ConnectionString, Settings(vendor, "Form"), "partner");
        var connector = services.GetRequiredService<SourceRegistry>().Connector("partner");
        await foreach (var _ in connector.FetchAsync(new SourceRun(RunTime), new FetchStats(), ct)) { }

        vendor.ValidTokens.Clear(); // The vendor revokes (or expires) every token it issued.
        var pages = new List<RawPage>();
        await foreach (var page in connector.FetchAsync(new SourceRun(RunTime.AddHours(1)), new FetchStats(), ct)) pages.Add(page);
        Assert.Single(pages);
        Assert.Equal(2, vendor.TokenRequests.Count);
    }

    [Fact]
    public async Task A_refused_client_fails_the_run_with_the_vendors_error_and_without_the_secret()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vendor = await TestVendor.StartAsync(ct);
        const string wrongSecret = "not-the-client-secret-91c4";
        await using var services = await ConnectorHarness.BuildAsync(azurite.ConnectionString, Settings(vendor, "Json", wrongSecret), "partner");
        var failure = await Assert.ThrowsAsync<IngestRunFailedException>(() =>
            services.GetRequiredService<IngestionService>().IngestAsync(services.GetRequiredService<SourceRegistry>().Connector("partner"), RunTime, ct));
        Assert.Contains("refused client 'tributary-test': invalid_client (Client authentication failed.)", failure.Message);
        Assert.DoesNotContain(wrongSecret, failure.ToString());
        Assert.Equal(0, failure.Record.Pages);
    }
}
