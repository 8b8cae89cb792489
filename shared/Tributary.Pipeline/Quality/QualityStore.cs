using Tributary.Storage;

namespace Tributary.Quality;

/// <summary>
/// Table <c>quality</c> (<see cref="QualityEntity"/>): a row per curated page and a row per source and UTC landing
/// day. A page's row and its day's row are written in one entity group transaction (same partition), the day row
/// moving by exactly the page's change, so a replayed page writes nothing and a crash between the two cannot
/// happen. Volume is the one figure that compares with other days (the median observations per page of the
/// source's previous <see cref="QualityRules.NormDays"/> days), so it is worked out when rows are read, never
/// stored: a stored row depends on its own pages alone, whatever order the days arrive in, and a re-run changes nothing.
/// </summary>
public sealed class QualityStore(StorageAccount storage)
{
    private readonly ChangeDetectingWriter<QualityEntity> _rows = new(storage.Table(StorageNames.QualityTable));

    public static string RowKey(string rawBlob) => QualityEntity.RowKeyOf(rawBlob);

    public async Task SaveAsync(PageQuality quality, CancellationToken cancellationToken)
    {
        var source = TableKey.Join(quality.Source);
        var day = QualityEntity.DayOf(quality.RawBlob);
        var (pageKey, dayKey) = (RowKey(quality.RawBlob), QualityEntity.DayKey(day));
        QualityEntity? storedPage = null, storedDay = null;
        await _rows.SyncAsync(
            async ct =>
            {
                storedPage = await _rows.GetAsync(source, pageKey, ct);
                storedDay = await _rows.GetAsync(source, dayKey, ct);
                return new[] { storedPage, storedDay }.OfType<QualityEntity>().ToList();
            },
            _ =>
            {
                var figures = quality.Figures is { } f ? f with { VolumeNorm = null, Volume = null } : null;
                var page = QualityEntity.ForPage(quality with { Figures = figures });
                var totals = (storedDay?.Totals ?? QualityTotals.Zero) - (storedPage?.Totals ?? QualityTotals.Zero) + page.Totals;
                return Task.FromResult<IReadOnlyList<QualityEntity>>([page, QualityEntity.ForDay(quality.Source, day, totals, norm: null)]);
            },
            cancellationToken);
    }

    /// <summary>A page's quality, its volume judged against the norm of the days before its own.</summary>
    public async Task<PageQuality?> GetAsync(string source, string rawBlob, CancellationToken cancellationToken)
    {
        var row = await _rows.GetAsync(TableKey.Join(source), RowKey(rawBlob), cancellationToken);
        return row is null ? null : row.WithVolume(await NormAsync(TableKey.Join(source), QualityEntity.DayOf(rawBlob), cancellationToken)).ToPageQuality();
    }

    /// <summary>
    /// The day rows of a source from <paramref name="from"/> to <paramref name="to"/> (UTC landing days, inclusive),
    /// with volume: one range read that reaches the norm's days back too.
    /// </summary>
    public async Task<IReadOnlyList<QualityEntity>> DaysAsync(string source, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await _rows.RangeAsync(TableKey.Join(source), QualityEntity.DayKey(from.AddDays(-QualityRules.NormDays)), QualityEntity.DayKey(to.AddDays(1)), cancellationToken);
        var byDay = rows.ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        return rows.Where(r => string.CompareOrdinal(r.RowKey, QualityEntity.DayKey(from)) >= 0)
            .Select(r => r.WithVolume(Norm(Enumerable.Range(1, QualityRules.NormDays)
                .Select(back => byDay.GetValueOrDefault(QualityEntity.DayKey(DateOnly.ParseExact(r.Day, "yyyy-MM-dd").AddDays(-back)))))))
            .ToList();
    }

    /// <summary>The page rows of a source landed on one UTC day, with volume: two range reads.</summary>
    public async Task<IReadOnlyList<QualityEntity>> PagesAsync(string source, DateOnly day, CancellationToken cancellationToken)
    {
        var prefix = $"{TableKey.Join(source)}|{day:yyyy}|{day:MM}|{day:dd}|";
        var norm = await NormAsync(TableKey.Join(source), day, cancellationToken);
        return (await _rows.RangeAsync(TableKey.Join(source), prefix, prefix + "~", cancellationToken)).Select(p => p.WithVolume(norm)).ToList();
    }

    private async Task<double?> NormAsync(string source, DateOnly day, CancellationToken cancellationToken)
    {
        var previous = await _rows.RangeAsync(source, QualityEntity.DayKey(day.AddDays(-QualityRules.NormDays)), QualityEntity.DayKey(day), cancellationToken);
        return Norm(previous);
    }

    private static double? Norm(IEnumerable<QualityEntity?> days) =>
        QualityRules.Median(days.Select(d => d?.ObservationsPerPage).OfType<double>().ToList());
}
