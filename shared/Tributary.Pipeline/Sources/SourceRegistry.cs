namespace Tributary.Sources;

/// <summary>The registered sources: connectors for ingestion and mappers for curation, by source id.</summary>
public sealed class SourceRegistry(IEnumerable<ISourceConnector> connectors, IEnumerable<ISourceMapper> mappers)
{
    private readonly Dictionary<string, ISourceConnector> _connectors = connectors.ToDictionary(c => c.SourceId, StringComparer.Ordinal);
    private readonly Dictionary<string, ISourceMapper> _mappers = mappers.ToDictionary(m => m.SourceId, StringComparer.Ordinal);

    public ISourceConnector Connector(string sourceId) => _connectors.TryGetValue(sourceId, out var c)
        ? c
        : throw new UnknownSourceException(sourceId, _connectors.Keys);

    public ISourceMapper Mapper(string sourceId) => _mappers.TryGetValue(sourceId, out var m)
        ? m
        : throw new UnknownSourceException(sourceId, _mappers.Keys);
}
