namespace Tributary.Storage;

/// <summary>What one change-detecting write did: rows inserted or replaced, rows deleted, rows left as they were.</summary>
public readonly record struct WriteCounts(int Written, int Deleted, int Unchanged)
{
    public static WriteCounts operator +(WriteCounts a, WriteCounts b) =>
        new(a.Written + b.Written, a.Deleted + b.Deleted, a.Unchanged + b.Unchanged);
}
