using Tributary.Quality;
using Tributary.Sources.Manifests;

namespace Tributary.Query.QualityReport;

/// <summary>
/// Answers data-quality queries from table <c>quality</c> (<see cref="QualityStore"/>): a bounded range of a source's
/// day rows is one RowKey range, a day's pages another.
/// </summary>
public sealed class QualityReportService(QualityStore quality, SourceManifests manifests, TimeProvider time)
{
    /// <summary>The longest range one query may ask for, in days (both ends included).</summary>
    public const int MaxDays = 366;

    /// <summary>The range when none is given: the 30 UTC days up to today.</summary>
    public const int DefaultDays = 30;

    public async Task<QualityRangeResponse> RangeAsync(string source, string? from, string? to, CancellationToken cancellationToken)
    {
        var id = Known(source);
        var last = to is null ? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) : QueryText.Day("to", to);
        var first = from is null ? last.AddDays(-(DefaultDays - 1)) : QueryText.Day("from", from);
        if (last < first) throw new KpiQueryException("to", $"'to' ({last:yyyy-MM-dd}) is before 'from' ({first:yyyy-MM-dd}).");
        if (last.DayNumber - first.DayNumber + 1 > MaxDays) throw new KpiQueryException("to", $"A quality range covers at most {MaxDays} days.");
        var rows = await quality.DaysAsync(id, first, last, cancellationToken);
        var days = rows.Select(QualityDay.From).ToList();
        var scores = rows.Where(r => r.Score is not null).Select(r => (DateOnly.ParseExact(r.Day, "yyyy-MM-dd"), r.Score!.Value)).ToList();
        return new QualityRangeResponse(id, $"{first:yyyy-MM-dd}", $"{last:yyyy-MM-dd}", days, QualityTrend.Of(last, scores));
    }

    public async Task<QualityPagesResponse> PagesAsync(string source, string? day, CancellationToken cancellationToken)
    {
        var id = Known(source);
        var date = QueryText.Day("day", day);
        var rows = await quality.PagesAsync(id, date, cancellationToken);
        return new QualityPagesResponse(id, $"{date:yyyy-MM-dd}", [.. rows.OrderBy(r => r.RawBlob, StringComparer.Ordinal).Select(QualityPageRow.From)]);
    }

    private string Known(string source) =>
        manifests.ByKey.Values.FirstOrDefault(m => m.Id == source)?.Id
        ?? throw new QueryNotFoundException("source",
            $"Unknown source '{QueryText.Shorten(source)}'. Registered sources: {string.Join(", ", manifests.ByKey.Values.Select(m => m.Id).Order(StringComparer.Ordinal))}.");
}
