namespace Tributary.Storage;

/// <summary>How <see cref="ChangeDetectingWriter{T}"/> sends the rows that changed.</summary>
public enum TableWriteMode
{
    /// <summary>Entity group transactions of up to 100 operations per partition (the default).</summary>
    Batched,

    /// <summary>One request per entity; kept for the curation benchmark's comparison.</summary>
    EntityPerRequest,
}
