using System.Net;
using Tributary.Testing;

namespace Tributary.Tests.LocalHost;

/// <summary>The host's <c>AzureWebJobs.{name}.Disabled</c> app setting turns one function off and leaves the others on.</summary>
public sealed class DisabledFunctionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Theory]
    [InlineData("AzureWebJobs.Health.Disabled", "true")]
    [InlineData("AzureWebJobs__Health__Disabled", "1")]
    public async Task A_disabled_function_is_not_served_and_the_others_are(string setting, string value)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false,
            hostSettings: new Dictionary<string, string?> { [setting] = value }, cancellationToken: ct);
        using var http = new HttpClient { BaseAddress = app.HostAddress };

        using var health = await http.GetAsync("api/health", ct);
        using var catalog = await http.GetAsync("api/catalog", ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (health.StatusCode, catalog.StatusCode));
    }
}
