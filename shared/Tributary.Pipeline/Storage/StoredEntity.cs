using Azure;
using Azure.Data.Tables;

namespace Tributary.Storage;

/// <summary>
/// Base of the pipeline's typed table rows. Each table has one sealed record deriving from this, with plain column
/// types (string, double, int, long, bool, DateTimeOffset) that every language's Table SDK reads as they are.
/// Record equality is <em>content</em> equality: keys and columns count, the service's <see cref="Timestamp"/> and
/// <see cref="ETag"/> do not (they say when a row was written, not what it holds). That is what lets
/// <see cref="ChangeDetectingWriter{T}"/> skip rows that would not change.
/// </summary>
public abstract record StoredEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public virtual bool Equals(StoredEntity? other) =>
        other is not null && EqualityContract == other.EqualityContract &&
        string.Equals(PartitionKey, other.PartitionKey, StringComparison.Ordinal) &&
        string.Equals(RowKey, other.RowKey, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(EqualityContract, PartitionKey, RowKey);
}
