namespace Tributary.Sources.Secrets;

/// <summary>Resolves a secret by name. Values never go to logs, blobs, tables, exception messages or run records.</summary>
public interface ISecretStore
{
    /// <exception cref="SecretNotFoundException">No secret of that name is configured.</exception>
    ValueTask<string> GetAsync(string name, CancellationToken cancellationToken);
}
