using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Query;
using static Tributary.Query.QueryText;

namespace Tributary.Functions.Http;

/// <summary>Reads query values as the HTTP functions document them.</summary>
public static class QueryValues
{
    /// <summary>The earliest instant any route accepts: nothing older is ever stored.</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The latest instant any route accepts, so date arithmetic on a parsed value cannot overflow.</summary>
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

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

    /// <summary>
    /// An ISO-8601 instant in [<see cref="Earliest"/>, <see cref="Latest"/>], UTC when it has no offset; null when
    /// absent. Throws <see cref="KpiQueryException"/> naming the parameter when it is unreadable or out of bounds.
    /// </summary>
    public static DateTimeOffset? BoundedInstant(HttpRequest request, string name)
    {
        if (!TryInstant(request, name, out var value))
        {
            throw new KpiQueryException(name, $"'{name}' must be an ISO-8601 date or date-time (e.g. 2026-11-21T00:00:00Z), not '{Shorten(Text(request, name))}'.");
        }
        if (value is { } v && (v < Earliest || v > Latest))
        {
            throw new KpiQueryException(name, $"'{name}' must lie between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}, not {v:O}.");
        }
        return value;
    }

    /// <summary>An integer in [min, max], or the default when absent; throws naming the parameter otherwise.</summary>
    public static int BoundedInt(HttpRequest request, string name, int min, int max, int fallback)
    {
        if (Text(request, name) is not { } text) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new KpiQueryException(name, $"'{name}' must be a whole number from {min} to {max}, not '{Shorten(text)}'.");
        }
        return value;
    }

}
