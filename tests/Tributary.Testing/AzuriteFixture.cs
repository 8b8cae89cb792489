using Microsoft.Extensions.Configuration;
using Tributary.Storage;
using Xunit;

namespace Tributary.Testing;

/// <summary>One Azurite process per test class that uses it (xunit class fixture).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;

    public AzuriteProcess Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    public string ConnectionString => Azurite.ConnectionString;

    public StorageAccount Storage() => StorageAccount.FromConfiguration(
        new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection([new(StorageNames.ConnectionSetting, ConnectionString)]).Build());

    public async ValueTask InitializeAsync() => _azurite = await AzuriteProcess.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null) await _azurite.DisposeAsync();
    }
}
