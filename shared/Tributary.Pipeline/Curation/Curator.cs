using Microsoft.Extensions.Logging;
using Tributary.Landing;
using Tributary.Quality;
using Tributary.Sources;
using Tributary.Sources.Manifests;
using Tributary.Storage;

namespace Tributary.Curation;

/// <summary>
/// The curate stage: reads a landed page (checking its hash), maps it to canonical observations, quarantines what
/// it cannot use, writes the rest idempotently and asks the aggregate stage to recompute the affected city-days.
/// Transient faults and integrity failures throw (so the queue retries, then poisons); a page that can never be
/// read is quarantined instead, because retrying it cannot help.
/// </summary>
public sealed partial class Curator(
    SourceRegistry sources,
    SourceManifests manifests,
    RawPayloadStore raw,
    ObservationStore observations,
    QuarantineStore quarantine,
    QualityStore quality,
    DriftStore drift,
    DimensionStore dimensions,
    JsonQueue queue,
    ILogger<Curator> logger)
{
    public async Task<PageQuality> CurateAsync(CurateMessage message, CancellationToken cancellationToken)
    {
        Validate(message);
        var mapper = sources.Mapper(message.Source);
        await using var payload = await raw.OpenVerifiedAsync(message.Blob, message.Sha256, cancellationToken);

        // The page's shape against what its mapper reads: a change is recorded (once) and the page still mapped, so
        // every value that can still be read is kept.
        var changes = PayloadDrift.Detect(payload.Content, message.Blob, mapper.Schema);
        await drift.RecordAsync(message.Source, message.Blob, payload.LandedUtc, changes, cancellationToken);

        MappingResult mapped;
        try
        {
            mapped = mapper.Map(payload.Content, new RawPageContext(message.Source, message.Blob, message.City, message.Item, message.RunId, ItemAttributes(message)));
        }
        catch (MalformedPayloadException ex)
        {
            var quarantined = await quarantine.PutAsync(message.Blob, message.Sha256, ex.Message, [], cancellationToken);
            var failed = new PageQuality(message.Source, message.RunId, message.Blob, 0, 0, 0, 0, quarantined, ex.Message) { DriftChanges = changes.Count };
            await quality.SaveAsync(failed, cancellationToken);
            LogPageQuarantined(logger, message.Blob, ex.Message);
            return failed;
        }

        var quarantineBlob = mapped.Rejected.Count > 0
            ? await quarantine.PutAsync(message.Blob, message.Sha256, null, mapped.Rejected, cancellationToken)
            : null;
        // Every kind the page carries is named to the aggregate stage, changed now or not: an earlier attempt may
        // have changed the rows and died before queueing, and then nothing else tells the KPIs that read them.
        var dimensionKinds = new List<string>();
        foreach (var kind in mapped.Dimensions.GroupBy(d => d.Kind, StringComparer.Ordinal))
        {
            await dimensions.UpsertAsync([.. kind], cancellationToken);
            dimensionKinds.Add(kind.Key);
        }
        var result = await observations.UpsertAsync(mapped.Observations, new ObservationLineage(message.RunId, message.Blob, message.Sha256), cancellationToken);

        // Always ask for the recompute, even when nothing changed: if an earlier attempt wrote the rows but died
        // before queueing, this is the only path by which the KPIs catch up. The message names the metrics, days and
        // stops the page touched, so only the KPIs that read them are recomputed.
        foreach (var city in mapped.Observations.GroupBy(o => o.CityId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await queue.SendAsync(StorageNames.AggregateQueue, AggregateMessage.For(city.Key, city, dimensionKinds), cancellationToken);
        }

        var page = new PageQuality(message.Source, message.RunId, message.Blob, mapped.Observations.Count,
            mapped.Observations.Count(o => o.Flags.HasFlag(QualityFlags.Missing)),
            mapped.Observations.Count(o => o.Flags.HasFlag(QualityFlags.OutOfRange)),
            mapped.Rejected.Count, quarantineBlob, null)
        {
            Figures = PageQualityMeasurer.Measure(mapped.Observations, mapped.Rejected.Count, payload.LandedUtc, CanonicalUnits(mapper), volumeNorm: null),
            DriftChanges = changes.Count,
        };
        await quality.SaveAsync(page, cancellationToken);
        LogCurated(logger, message.Blob, page.Observations, result.Written, result.Unchanged, page.Rejected);
        return page;
    }

    // The units the page's metrics must have: the catalogue's, plus a declared source's new metrics from its manifest.
    private static IReadOnlyDictionary<string, string> CanonicalUnits(ISourceMapper mapper) => mapper is Sources.Mapping.DeclarativeMapper declared
        ? Metrics.CanonicalUnits.Concat(declared.Units.Where(u => !Metrics.CanonicalUnits.ContainsKey(u.Key))).ToDictionary(u => u.Key, u => u.Value, StringComparer.Ordinal)
        : Metrics.CanonicalUnits;

    // What the manifest says of the page's fan-out item (a sensor's coordinates, a stop's name), for the mapper.
    private IReadOnlyDictionary<string, string>? ItemAttributes(CurateMessage message) => message.Item is null
        ? null
        : manifests.ByKey.Values.FirstOrDefault(m => m.Id == message.Source)?.FanOut.Items.FirstOrDefault(i => i.Id == message.Item)?.Attributes;

    private static void Validate(CurateMessage message)
    {
        if (string.IsNullOrWhiteSpace(message.Source)) throw new InvalidMessageException("curate message has no 'source'.");
        if (string.IsNullOrWhiteSpace(message.Blob)) throw new InvalidMessageException("curate message has no 'blob'.");
        if (string.IsNullOrWhiteSpace(message.Sha256)) throw new InvalidMessageException("curate message has no 'sha256'.");
        if (string.IsNullOrWhiteSpace(message.RunId)) throw new InvalidMessageException("curate message has no 'runId'.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Curated {Blob}: {Count} observations ({Written} written, {Unchanged} unchanged), {Rejected} rejected")]
    private static partial void LogCurated(ILogger logger, string blob, int count, int written, int unchanged, int rejected);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined page {Blob}: {Reason}")]
    private static partial void LogPageQuarantined(ILogger logger, string blob, string reason);
}
