using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Tributary.Functions.Http;

/// <summary>Reads query values as the HTTP functions document them.</summary>
public static class QueryValues
{
    public static string? Text(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>An ISO-8601 instant; a value without an offset is UTC. Null when absent; false when present but unreadable.</summary>
    public static bool TryInstant(HttpRequest request, string name, out DateTimeOffset? value)
    {
        value = null;
        if (Text(request, name) is not { } text) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)) return false;
        value = parsed;
        return true;
    }
}
