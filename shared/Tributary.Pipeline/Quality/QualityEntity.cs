using System.Runtime.Serialization;
using Tributary.Storage;

namespace Tributary.Quality;

/// <summary>
/// A row of table <c>quality</c>, PartitionKey = source. Two kinds of row share it, so a source's quality over a
/// date range is one RowKey range and a day's pages another, never a scan:
/// <list type="bullet">
/// <item><c>Scope = page</c>, RowKey = the raw blob name with '/' replaced by '|' (<c>openaq|2026|11|22|{run}|{page}.json</c>);</item>
/// <item><c>Scope = day</c>, RowKey = <c>day|yyyyMMdd</c>: the sum of that UTC landing day's pages, with the same figures.</item>
/// </list>
/// Counts are plain columns; each figure is a score in [0, 1] (null when there was nothing to judge).
/// </summary>
public sealed record QualityEntity : StoredEntity
{
    public const string PageScope = "page";
    public const string DayScope = "day";

    public string Scope { get; set; } = PageScope;
    public string Day { get; set; } = "";
    public string RunId { get; set; } = "";
    public string RawBlob { get; set; } = "";
    public string? QuarantineBlob { get; set; }
    public string? PageError { get; set; }

    public int Pages { get; set; }
    public int FailedPages { get; set; }
    public int Observations { get; set; }
    public int Missing { get; set; }
    public int OutOfRange { get; set; }
    public int Rejected { get; set; }
    public int Expected { get; set; }
    public int Present { get; set; }
    public int Duplicates { get; set; }
    public int Judged { get; set; }
    public int UnitMismatches { get; set; }
    public int Invalid { get; set; }
    public int Outliers { get; set; }
    public int DriftChanges { get; set; }
    public int TimedPages { get; set; }
    public double TimelinessSum { get; set; }
    public DateTimeOffset? NewestUtc { get; set; }
    public long? AgeSeconds { get; set; }
    public double? VolumeNorm { get; set; }

    public double? Completeness { get; set; }
    public double? Uniqueness { get; set; }
    public double? Consistency { get; set; }
    public double? Validity { get; set; }
    public double? Timeliness { get; set; }
    public double? Volume { get; set; }
    public double? Score { get; set; }

    public static string RowKeyOf(string rawBlob) => rawBlob.Replace('/', '|');

    public static string DayKey(DateOnly day) => $"day|{day:yyyyMMdd}";

    /// <summary>The UTC landing day in a raw blob's name (<c>{source}/{yyyy}/{MM}/{dd}/...</c>).</summary>
    public static DateOnly DayOf(string rawBlob)
    {
        var parts = rawBlob.Split('/');
        return parts.Length >= 4 && int.TryParse(parts[1], out var y) && int.TryParse(parts[2], out var m) && int.TryParse(parts[3], out var d)
            ? new DateOnly(y, m, d)
            : throw new ArgumentException($"'{rawBlob}' is not a raw blob name ({{source}}/{{yyyy}}/{{MM}}/{{dd}}/...).", nameof(rawBlob));
    }

    [IgnoreDataMember]
    public QualityTotals Totals => new(Pages, FailedPages, Observations, Missing, OutOfRange, Rejected, Expected, Present, Duplicates, Judged,
        UnitMismatches, Invalid, Outliers, DriftChanges, TimedPages, TimelinessSum);

    public static QualityEntity ForPage(PageQuality q)
    {
        var f = q.Figures;
        var entity = FromTotals(q.Source, DayOf(q.RawBlob), RowKeyOf(q.RawBlob), PageScope, QualityTotals.Of(q)) with
        {
            // The run that landed the page (its blob name says which), not the one curating it: a replay from raw
            // re-curates under a run id of its own, and must leave an unchanged page's row as it was.
            RunId = q.RawBlob.Split('/') is { Length: > 5 } parts ? parts[4] : q.RunId,
            RawBlob = q.RawBlob,
            QuarantineBlob = q.QuarantineBlob,
            PageError = q.PageError,
            NewestUtc = f?.NewestUtc,
            AgeSeconds = f?.AgeSeconds,
            VolumeNorm = f?.VolumeNorm,
            Completeness = f?.Completeness,
            Uniqueness = f?.Uniqueness,
            Consistency = f?.Consistency,
            Validity = f?.Validity,
            Timeliness = f?.Timeliness,
            Volume = f?.Volume,
            Score = f?.Score,
        };
        return entity;
    }

    /// <summary>A day row from its pages' totals; volume compares the day's observations per readable page with the norm.</summary>
    public static QualityEntity ForDay(string source, DateOnly day, QualityTotals totals, double? norm)
    {
        var readable = totals.Pages - totals.FailedPages;
        var figures = new QualityFigures(totals.Observations, totals.Expected, totals.Present, totals.Rejected, totals.Duplicates, totals.Judged,
            totals.UnitMismatches, totals.Invalid, totals.Outliers, null, null, norm,
            QualityRules.Ratio(totals.Present, totals.Expected),
            QualityRules.Ratio(totals.Observations - totals.Duplicates, totals.Observations),
            QualityRules.Ratio(totals.Judged - totals.UnitMismatches, totals.Judged),
            QualityRules.Ratio(totals.Present - totals.Invalid, totals.Present),
            totals.TimedPages == 0 ? null : Math.Round(totals.TimelinessSum / totals.TimedPages, 4),
            readable <= 0 ? null : QualityRules.Volume((double)totals.Observations / readable, norm));
        return FromTotals(source, day, DayKey(day), DayScope, totals) with
        {
            VolumeNorm = norm,
            Completeness = figures.Completeness,
            Uniqueness = figures.Uniqueness,
            Consistency = figures.Consistency,
            Validity = figures.Validity,
            Timeliness = figures.Timeliness,
            Volume = figures.Volume,
            Score = figures.Score,
        };
    }

    /// <summary>This row as read: its volume against <paramref name="norm"/> and the score with it (neither is stored).</summary>
    public QualityEntity WithVolume(double? norm)
    {
        var volume = Scope == DayScope
            ? ObservationsPerPage is { } perPage ? QualityRules.Volume(perPage, norm) : null
            : PageError is null ? QualityRules.Volume(Observations, norm) : null;
        var parts = new[] { Completeness, Uniqueness, Consistency, Validity, Timeliness, volume }.OfType<double>().ToList();
        return this with { VolumeNorm = norm, Volume = volume, Score = parts.Count == 0 ? null : Math.Round(parts.Average(), 4) };
    }

    /// <summary>Observations per readable page, the quantity volume norms are made of.</summary>
    [IgnoreDataMember]
    public double? ObservationsPerPage => Pages - FailedPages is > 0 and var readable ? (double)Observations / readable : null;

    public PageQuality ToPageQuality() =>
        new PageQuality(PartitionKey, RunId, RawBlob, Observations, Missing, OutOfRange, Rejected, QuarantineBlob, PageError)
        {
            DriftChanges = DriftChanges,
            Figures = PageError is not null && Observations == 0 && Expected == 0 ? null : new QualityFigures(Observations, Expected, Present, Rejected,
                Duplicates, Judged, UnitMismatches, Invalid, Outliers, NewestUtc, AgeSeconds, VolumeNorm,
                Completeness, Uniqueness, Consistency, Validity, Timeliness, Volume),
        };

    private static QualityEntity FromTotals(string source, DateOnly day, string rowKey, string scope, QualityTotals t) => new()
    {
        PartitionKey = TableKey.Join(source),
        RowKey = rowKey,
        Scope = scope,
        Day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Pages = t.Pages,
        FailedPages = t.FailedPages,
        Observations = t.Observations,
        Missing = t.Missing,
        OutOfRange = t.OutOfRange,
        Rejected = t.Rejected,
        Expected = t.Expected,
        Present = t.Present,
        Duplicates = t.Duplicates,
        Judged = t.Judged,
        UnitMismatches = t.UnitMismatches,
        Invalid = t.Invalid,
        Outliers = t.Outliers,
        DriftChanges = t.DriftChanges,
        TimedPages = t.TimedPages,
        TimelinessSum = t.TimelinessSum,
    };
}
