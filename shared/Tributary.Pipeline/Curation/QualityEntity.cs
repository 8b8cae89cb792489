using Tributary.Storage;

namespace Tributary.Curation;

/// <summary>A row of table <c>quality</c>: PartitionKey = source, RowKey = the raw blob name with '/' replaced by '|'.</summary>
public sealed record QualityEntity : StoredEntity
{
    public string RunId { get; set; } = "";
    public string RawBlob { get; set; } = "";
    public int Observations { get; set; }
    public int Missing { get; set; }
    public int OutOfRange { get; set; }
    public int Rejected { get; set; }
    public string? QuarantineBlob { get; set; }
    public string? PageError { get; set; }

    public static string RowKeyOf(string rawBlob) => rawBlob.Replace('/', '|');

    public static QualityEntity From(PageQuality q) => new()
    {
        PartitionKey = TableKey.Join(q.Source),
        RowKey = RowKeyOf(q.RawBlob),
        RunId = q.RunId,
        RawBlob = q.RawBlob,
        Observations = q.Observations,
        Missing = q.Missing,
        OutOfRange = q.OutOfRange,
        Rejected = q.Rejected,
        QuarantineBlob = q.QuarantineBlob,
        PageError = q.PageError,
    };

    public PageQuality ToPageQuality() =>
        new(PartitionKey, RunId, RawBlob, Observations, Missing, OutOfRange, Rejected, QuarantineBlob, PageError);
}
