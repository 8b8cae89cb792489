namespace Tributary.Marts;

/// <summary>
/// In-process notice that KPI partitions were rewritten, raised by <see cref="KpiStore.ReplaceAsync"/> (the aggregate
/// stage's only write path) so read caches of this process drop those partitions at once. Other scaled-out
/// instances never hear it: their caches converge through their entries' short time to live.
/// </summary>
public sealed class KpiMartEvents
{
    /// <summary>Raised with the partition keys (<c>{kpi}|{city}|{yyyyMMdd}</c>) whose rows were written or deleted.</summary>
    public event Action<IReadOnlyList<string>>? PartitionsRewritten;

    public void RaisePartitionsRewritten(IReadOnlyList<string> partitions)
    {
        if (partitions.Count > 0) PartitionsRewritten?.Invoke(partitions);
    }
}
