namespace Tributary.Query.Raw;

/// <summary>A landed page is larger than <see cref="RawPayloadOptions.MaxBytes"/>; it is not served.</summary>
public sealed class RawPayloadTooLargeException(string blob, long length, long limit)
    : Exception($"'{blob}' has {length} bytes, more than the limit of {limit} bytes (setting Tributary:Raw:MaxBytes).")
{
    public long Limit { get; } = limit;
}
