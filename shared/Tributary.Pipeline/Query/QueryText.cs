using Tributary.Storage;

namespace Tributary.Query;

/// <summary>Checks shared by the queries and the HTTP functions: echoing input safely, key parts, UTC days.</summary>
public static class QueryText
{
    /// <summary>A value echoed in an error message or a log, cut to <paramref name="max"/> characters so a hostile kilobyte is not reflected whole.</summary>
    public static string Shorten(string? text, int max = 64) => text is null ? "" : text.Length <= max ? text : text[..max] + "…";

    /// <summary>Whether a value can be a table key part at all (so it never reaches a filter or key it could bend).</summary>
    public static bool IsKey(string value)
    {
        try
        {
            TableKey.Validate(value);
            return value.Length is > 0 and <= 128 && !value.Contains('|');
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A UTC day as yyyy-MM-dd; throws naming the parameter otherwise.</summary>
    public static DateOnly Day(string parameter, string? text)
    {
        if (text is null) throw new KpiQueryException(parameter, $"'{parameter}' is required: a UTC day as yyyy-MM-dd.");
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ||
            day.Year is < 2000 or >= 2100)
        {
            throw new KpiQueryException(parameter, $"'{parameter}' must be a UTC day as yyyy-MM-dd between 2000-01-01 and 2099-12-31, not '{Shorten(text)}'.");
        }
        return day;
    }
}
