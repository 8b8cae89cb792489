namespace Tributary.Sources;

/// <summary>The registered sources: connectors for ingestion and mappers for curation, by source id.</summary>
public sealed class SourceRegistry
{
    private readonly Dictionary<string, ISourceConnector> _connectors;
    private readonly Dictionary<string, ISourceMapper> _mappers;

    /// <param name="mappers">Mapper classes (payloads a declaration cannot say).</param>
    /// <param name="declared">Mappers declared by manifests (<c>Mapping</c>).</param>
    public SourceRegistry(IEnumerable<ISourceConnector> connectors, IEnumerable<ISourceMapper> mappers, IEnumerable<ISourceMapper>? declared = null)
    {
        _connectors = connectors.ToDictionary(c => c.SourceId, StringComparer.Ordinal);
        _mappers = mappers.ToDictionary(m => m.SourceId, StringComparer.Ordinal);
        foreach (var mapper in declared ?? [])
        {
            if (!_mappers.TryAdd(mapper.SourceId, mapper))
            {
                throw new InvalidOperationException(
                    $"Source '{mapper.SourceId}' has both a Mapping in its manifest and a mapper class ({_mappers[mapper.SourceId].GetType().Name}): keep one.");
            }
        }
        var unmapped = _connectors.Keys.Where(id => !_mappers.ContainsKey(id)).ToList();
        if (unmapped.Count > 0)
        {
            throw new InvalidOperationException(
                $"No mapper is registered for source(s) {string.Join(", ", unmapped)}: every enabled manifest needs an ISourceMapper with the same source id.");
        }
    }

    public IEnumerable<string> SourceIds => _connectors.Keys.Order(StringComparer.Ordinal);

    public ISourceConnector Connector(string sourceId) => _connectors.TryGetValue(sourceId, out var c)
        ? c
        : throw new UnknownSourceException(sourceId, _connectors.Keys);

    public ISourceMapper Mapper(string sourceId) => _mappers.TryGetValue(sourceId, out var m)
        ? m
        : throw new UnknownSourceException(sourceId, _mappers.Keys);
}
