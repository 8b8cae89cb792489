using System.Buffers.Text;
using System.Text;

namespace Tributary.Views;

/// <summary>
/// Continuation tokens of the view list: the last id of a page, versioned and base64url-encoded so clients treat it
/// as opaque. A token that does not decode to a view id is refused, so nothing a client sends reaches a filter unchecked.
/// </summary>
public static class ViewContinuation
{
    private const string Prefix = "v1:";

    public static string For(string lastId) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + lastId));

    /// <summary>The id after which the next page starts; throws naming <c>continuation</c> when the token is not one of ours.</summary>
    public static string Parse(string token)
    {
        string? text = null;
        if (token.Length <= 64 && Base64Url.IsValid(token))
        {
            try
            {
                text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token));
            }
            catch (FormatException)
            {
            }
        }
        return text is not null && text.StartsWith(Prefix, StringComparison.Ordinal) && ViewIds.IsValid(text[Prefix.Length..])
            ? text[Prefix.Length..]
            : throw new ViewValidationException("continuation", "'continuation' is not a token this list gave out; start again without it.");
    }
}
