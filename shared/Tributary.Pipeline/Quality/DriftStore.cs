using Microsoft.Extensions.Logging;
using Tributary.Storage;

namespace Tributary.Quality;

/// <summary>
/// Table <c>drift</c> (<see cref="DriftEntity"/>): each change of a source's payload shape once, with the first page
/// that showed it. Later pages with the same change write nothing and log nothing, so a warning is logged once per
/// change and a replayed page leaves the table as it was.
/// </summary>
public sealed partial class DriftStore(StorageAccount storage, ILogger<DriftStore> logger)
{
    private readonly ChangeDetectingWriter<DriftEntity> _rows = new(storage.Table(StorageNames.DriftTable));

    /// <returns>The changes seen for the first time.</returns>
    public async Task<IReadOnlyList<DriftEntity>> RecordAsync(string source, string blob, DateTimeOffset seenUtc, IReadOnlyList<DriftChange> changes,
        CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return [];
        var partition = TableKey.Join(source);
        var seen = changes.Select(c => DriftEntity.From(source, c, seenUtc, blob)).DistinctBy(e => e.RowKey).ToList();
        IReadOnlyList<DriftEntity> known = [];
        await _rows.SyncAsync(
            async ct => known = await _rows.PartitionAsync(partition, ct),
            _ => Task.FromResult<IReadOnlyList<DriftEntity>>(seen),
            cancellationToken,
            shouldReplace: (_, _) => false); // First seen stays first seen.
        var knownKeys = known.Select(k => k.RowKey).ToHashSet(StringComparer.Ordinal);
        var fresh = seen.Where(s => !knownKeys.Contains(s.RowKey)).ToList();
        foreach (var drift in fresh) LogDrift(logger, source, drift.Field, drift.Change, drift.Expected, drift.Actual, blob);
        return fresh;
    }

    /// <summary>A source's drift events, oldest first.</summary>
    public async Task<IReadOnlyList<DriftEntity>> ListAsync(string source, CancellationToken cancellationToken) =>
        (await _rows.PartitionAsync(TableKey.Join(source), cancellationToken)).OrderBy(d => d.FirstSeenUtc).ThenBy(d => d.RowKey, StringComparer.Ordinal).ToList();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schema drift in {Source}: {Field} {Change} (expected {Expected}, got {Actual}), first seen in {Blob}")]
    private static partial void LogDrift(ILogger logger, string source, string field, string change, string expected, string actual, string blob);
}
