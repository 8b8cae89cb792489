namespace Tributary.Sources.Secrets;

public sealed class SecretNotFoundException(string name, string where)
    : Exception($"Secret '{name}' is not configured: {where}.");
