using System.Collections.Concurrent;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace Tributary.Sources.Secrets;

/// <summary>
/// Secrets from local settings (<c>Secrets:{name}</c>, i.e. the app setting <c>Secrets__{name}</c>) first, then from
/// Key Vault when <c>Tributary:KeyVaultUri</c> is set (DefaultAzureCredential, so the app's managed identity in
/// Azure and the developer's login locally). Key Vault answers are cached for <see cref="CacheFor"/>.
/// </summary>
public sealed class SecretStore : ISecretStore
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(30);

    private readonly IConfiguration _configuration;
    private readonly SecretClient? _vault;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public SecretStore(IConfiguration configuration, TimeProvider time)
    {
        _configuration = configuration;
        _time = time;
        if (configuration["Tributary:KeyVaultUri"] is { Length: > 0 } uri)
        {
            _vault = Uri.TryCreate(uri, UriKind.Absolute, out var vaultUri)
                ? new SecretClient(vaultUri, new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = configuration["AZURE_CLIENT_ID"] }))
                : throw new InvalidOperationException($"Setting 'Tributary:KeyVaultUri' is not an absolute URI: '{uri}'.");
        }
    }

    public async ValueTask<string> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (_configuration[$"Secrets:{name}"] is { Length: > 0 } local)
        {
            return local;
        }
        if (_vault is null)
        {
            throw new SecretNotFoundException(name, $"set the app setting 'Secrets__{name}' locally, or 'Tributary__KeyVaultUri' to read it from Key Vault");
        }
        if (_cache.TryGetValue(name, out var cached) && cached.Until > _time.GetUtcNow())
        {
            return cached.Value;
        }
        try
        {
            var secret = await _vault.GetSecretAsync(name, cancellationToken: cancellationToken);
            _cache[name] = (secret.Value.Value, _time.GetUtcNow() + CacheFor);
            return secret.Value.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new SecretNotFoundException(name, $"Key Vault {_vault.VaultUri} has no secret of that name");
        }
    }
}
