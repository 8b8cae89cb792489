using Tributary.Storage;

namespace Tributary.Quality;

/// <summary>
/// Table <c>quality</c> (<see cref="QualityEntity"/>): a row per curated page and a row per source and UTC landing
/// day. A page's row and its day's row are written in one entity group transaction (same partition), the day row
/// moving by exactly the page's change, so a replayed page writes nothing and a crash between the two cannot
/// happen. The volume norm is the median observations per page of the source's previous
/// <see cref="QualityRules.NormDays"/> days.
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
            async ct =>
            {
                var norm = await NormAsync(source, day, ct);
                var figures = quality.Figures is { } f ? f with { VolumeNorm = norm, Volume = QualityRules.Volume(f.Observations, norm) } : null;
                var page = QualityEntity.ForPage(quality with { Figures = figures });
                var totals = (storedDay?.Totals ?? QualityTotals.Zero) - (storedPage?.Totals ?? QualityTotals.Zero) + page.Totals;
                return [page, QualityEntity.ForDay(quality.Source, day, totals, norm)];
            },
            cancellationToken);
    }

    public async Task<PageQuality?> GetAsync(string source, string rawBlob, CancellationToken cancellationToken) =>
        (await _rows.GetAsync(TableKey.Join(source), RowKey(rawBlob), cancellationToken))?.ToPageQuality();

    /// <summary>The day rows of a source from <paramref name="from"/> to <paramref name="to"/> (UTC landing days, inclusive): one range read.</summary>
    public Task<IReadOnlyList<QualityEntity>> DaysAsync(string source, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        _rows.RangeAsync(TableKey.Join(source), QualityEntity.DayKey(from), QualityEntity.DayKey(to.AddDays(1)), cancellationToken);

    /// <summary>The page rows of a source landed on one UTC day: one range read.</summary>
    public Task<IReadOnlyList<QualityEntity>> PagesAsync(string source, DateOnly day, CancellationToken cancellationToken)
    {
        var prefix = $"{TableKey.Join(source)}|{day:yyyy}|{day:MM}|{day:dd}|";
        return _rows.RangeAsync(TableKey.Join(source), prefix, prefix + "~", cancellationToken);
    }

    private async Task<double?> NormAsync(string source, DateOnly day, CancellationToken cancellationToken)
    {
        var previous = await _rows.RangeAsync(source, QualityEntity.DayKey(day.AddDays(-QualityRules.NormDays)), QualityEntity.DayKey(day), cancellationToken);
        return QualityRules.Median(previous.Select(d => d.ObservationsPerPage).OfType<double>().ToList());
    }
}
