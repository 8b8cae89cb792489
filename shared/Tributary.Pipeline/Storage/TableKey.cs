namespace Tributary.Storage;

/// <summary>
/// Guards values that become PartitionKey or RowKey. Table Storage forbids <c>/ \ # ?</c> and control characters;
/// we also refuse quotes, percent signs, non-ASCII and outer spaces, which break URLs and filters in practice.
/// </summary>
public static class TableKey
{
    // Azurite rejects keys longer than 512 characters (Azure allows 1 KiB); stay within the stricter one.
    public const int MaxLength = 512;

    public static string Join(params string[] parts)
    {
        var key = string.Join('|', parts);
        Validate(key);
        return key;
    }

    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > MaxLength)
        {
            throw new ArgumentException($"Table key '{key[..40]}...' is longer than {MaxLength} characters.", nameof(key));
        }
        if (key.Length > 0 && (key[0] == ' ' || key[^1] == ' '))
        {
            throw new ArgumentException($"Table key '{key}' starts or ends with a space.", nameof(key));
        }
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' or '\'' or '%' || char.IsControl(c) || c > 0x7E)
            {
                throw new ArgumentException($"Table key '{key}' contains the forbidden character U+{(int)c:X4}.", nameof(key));
            }
        }
    }
}
