using Azure.Data.Tables;

namespace Tributary.Storage;

/// <summary>
/// Content equality for untyped <see cref="TableEntity"/> rows (the open attribute bags of table <c>dimensions</c>):
/// the same keys and the same properties with the same values, ignoring Timestamp and ETag. A property stored as
/// null is simply absent, so an absent and a null property are the same.
/// </summary>
public sealed class TableEntityContent : IEqualityComparer<TableEntity>
{
    public static TableEntityContent Instance { get; } = new();

    public bool Equals(TableEntity? x, TableEntity? y)
    {
        if (ReferenceEquals(x, y)) return true;
        if (x is null || y is null) return false;
        var a = Columns(x);
        var b = Columns(y);
        return a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && Equals(p.Value, v));
    }

    public int GetHashCode(TableEntity obj) => HashCode.Combine(obj.PartitionKey, obj.RowKey);

    private static Dictionary<string, object> Columns(TableEntity entity) => entity
        .Where(p => p.Value is not null && p.Key is not ("odata.etag" or "Timestamp"))
        .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
