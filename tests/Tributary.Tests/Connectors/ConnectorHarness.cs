using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tributary.Curation;
using Tributary.Sources;
using Tributary.Storage;

namespace Tributary.Tests.Connectors;

/// <summary>The pipeline's real service graph over Azurite, configured with the given settings (manifests included).</summary>
public static class ConnectorHarness
{
    public static Task<ServiceProvider> BuildAsync(string connectionString, IDictionary<string, string?> settings, params string[] sourceIds) =>
        BuildAsync(connectionString, settings, null, sourceIds);

    /// <param name="time">The clock of the pipeline (rate budgets, resilience timeouts and delays), e.g. a fake one.</param>
    public static async Task<ServiceProvider> BuildAsync(string connectionString, IDictionary<string, string?> settings, TimeProvider? time, params string[] sourceIds)
    {
        var all = new Dictionary<string, string?>(settings) { [StorageNames.ConnectionSetting] = connectionString };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        if (time is not null) services.AddSingleton(time);
        services.AddTributaryPipeline(configuration);
        foreach (var id in sourceIds) services.AddSingleton<ISourceMapper>(new NothingMapper(id));
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);
        return provider;
    }

    /// <summary>The connector is under test here, not mapping: this mapper maps nothing.</summary>
    private sealed class NothingMapper(string sourceId) : ISourceMapper
    {
        public string SourceId => sourceId;

        public global::Tributary.Quality.PayloadSchema Schema => global::Tributary.Quality.PayloadSchema.None;

        public MappingResult Map(Stream payload, RawPageContext context) => new([], Array.Empty<RejectedRecord>());
    }

    /// <summary>Manifest settings for a source at <paramref name="baseUrl"/>, under <c>Sources:{key}</c>.</summary>
    public static Dictionary<string, string?> Manifest(string key, string id, Uri baseUrl, string path, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Sources:{key}:Id"] = id,
            [$"Sources:{key}:BaseUrl"] = baseUrl.ToString(),
            [$"Sources:{key}:Request:Path"] = path,
            [$"Sources:{key}:Auth:Kind"] = "ApiKeyHeader",
            [$"Sources:{key}:Auth:Name"] = "X-Api-Key",
            [$"Sources:{key}:Auth:SecretName"] = "test-vendor-key",
            [$"Sources:{key}:Resilience:BaseDelaySeconds"] = "0.01",
            ["Secrets:test-vendor-key"] = TestVendor.ApiKey,
        };
        foreach (var (k, v) in extra) settings[$"Sources:{key}:{k}"] = v;
        return settings;
    }
}
