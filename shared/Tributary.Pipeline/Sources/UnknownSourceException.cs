namespace Tributary.Sources;

public sealed class UnknownSourceException(string sourceId, IEnumerable<string> known)
    : Exception($"Unknown source '{sourceId}'. Registered sources: {string.Join(", ", known.Order())}.");
