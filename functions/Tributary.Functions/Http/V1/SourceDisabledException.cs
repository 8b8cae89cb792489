namespace Tributary.Functions.Http.V1;

/// <summary>A source switched off in its manifest (<c>Sources:{Key}:Enabled=false</c>) cannot be run now.</summary>
public sealed class SourceDisabledException(string source, string key)
    : Exception($"Source '{source}' is disabled (Sources:{key}:Enabled = false); enable it to run it.");
