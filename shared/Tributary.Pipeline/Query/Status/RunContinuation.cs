using System.Buffers.Text;
using System.Text;

namespace Tributary.Query.Status;

/// <summary>
/// The opaque <c>continuation</c> of the run history: the Azure.Data.Tables continuation token (<c>"{next partition
/// key} {next row key}"</c>) behind the source it belongs to, UTF-8, base64url. Decoding checks the form, the
/// characters and the source, so a tampered token is a 400 naming <c>continuation</c> and never reaches storage
/// as something else (the query's own filter keeps any token within the source's partition anyway).
/// </summary>
public static class RunContinuation
{
    public const int MaxLength = 2048;

    public static string Encode(string source, string sdkToken) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{source}\n{sdkToken}"));

    /// <exception cref="KpiQueryException">Not a token this API gave for <paramref name="source"/>.</exception>
    public static string Decode(string source, string token)
    {
        string text;
        try
        {
            if (token.Length > MaxLength) throw new FormatException();
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw Invalid();
        }
        var parts = text.Split('\n');
        if (parts.Length != 2 || parts[0] != source) throw Invalid();
        var keys = parts[1].Split(' ');
        // Azurite's keys are base64 (with + / =), Azure's the plain keys; either way printable ASCII without quotes or spaces.
        if (keys.Length != 2 || keys[0].Length == 0 || !keys.All(k => k.All(c => c is > ' ' and < '\u007f' and not '\'' and not '"'))) throw Invalid();
        return parts[1];
    }

    private static KpiQueryException Invalid() =>
        new("continuation", "'continuation' is not a token this API returned for this source; start again without it.");
}
