using System.Globalization;
using System.Text.RegularExpressions;
using Tributary.Configuration;
using Tributary.Sources.Manifests;

namespace Tributary.Sources.Connectors;

/// <summary>
/// The values a request template may use: <c>{city.id|name|latitude|longitude}</c>, <c>{item.id|city|&lt;attribute&gt;}</c>,
/// <c>{window.start:fmt}</c>, <c>{window.end:fmt}</c>, <c>{window.seconds}</c> (the window's length, e.g. a GraphQL
/// <c>timeRange</c>) and <c>{run.time:fmt}</c> (UTC). An unknown placeholder is an error
/// naming it, so a typo in a manifest fails loudly instead of sending a literal brace to the vendor.
/// </summary>
public sealed partial record TemplateScope(City? City, FanOutItem? Item, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, DateTimeOffset RunTime)
{
    public string Render(string template) => Placeholder().Replace(template, match =>
    {
        var name = match.Groups["name"].Value;
        var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
        return Resolve(name, format) ?? throw new InvalidOperationException($"Template placeholder '{{{name}}}' has no value here (in '{template}').");
    });

    /// <summary>
    /// The problems of a template for a source that fans out as <paramref name="fanOut"/> says: placeholders with no
    /// value there (<c>{item.sensor}</c> when an item lacks that attribute, <c>{city.id}</c> without a fan-out) and
    /// date formats that do not format; checked at start-up so no run meets them.
    /// </summary>
    public static IEnumerable<string> Problems(string template, FanOutSpec fanOut)
    {
        var sample = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var city = fanOut.Over == FanOutKind.Cities ? new City("oslo", "Oslo", 59.9, 10.7) : null;
        IReadOnlyList<FanOutItem?> items = fanOut.Over == FanOutKind.Items ? fanOut.Items : new FanOutItem?[] { null };
        foreach (Match match in Placeholder().Matches(template))
        {
            var name = match.Groups["name"].Value;
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            string? problem = null;
            foreach (var item in items)
            {
                try
                {
                    if (new TemplateScope(city, item, sample, sample.AddHours(1), sample).Resolve(name, format) is null)
                    {
                        problem = item is null
                            ? $"placeholder {match.Value} has no value for FanOut:Over {fanOut.Over}"
                            : $"placeholder {match.Value} has no value for item '{item.Id}'";
                        break;
                    }
                }
                catch (FormatException)
                {
                    problem = $"placeholder {match.Value} has a date format .NET cannot use";
                    break;
                }
            }
            if (problem is not null) yield return problem;
        }
    }

    private string? Resolve(string name, string? format) => name switch
    {
        "window.start" => Instant(WindowStart, format),
        "window.end" => Instant(WindowEnd, format),
        "window.seconds" => ((long)(WindowEnd - WindowStart).TotalSeconds).ToString(CultureInfo.InvariantCulture),
        "run.time" => Instant(RunTime, format),
        "city.id" => City?.Id ?? Item?.City,
        "city.name" => City?.Name,
        "city.latitude" => City?.Latitude.ToString(CultureInfo.InvariantCulture),
        "city.longitude" => City?.Longitude.ToString(CultureInfo.InvariantCulture),
        "item.id" => Item?.Id,
        "item.city" => Item?.City,
        _ when name.StartsWith("item.", StringComparison.Ordinal) && Item is not null =>
            Item.Attributes.TryGetValue(name["item.".Length..], out var value) ? value : null,
        _ => null,
    };

    private static string Instant(DateTimeOffset value, string? format) =>
        value.UtcDateTime.ToString(format ?? "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // {name} or {name:format}; JSON braces in bodies are left alone because names are dotted identifiers.
    [GeneratedRegex(@"\{(?<name>(?:window|run|city|item)\.[A-Za-z0-9_]+)(?::(?<format>[^{}]+))?\}")]
    private static partial Regex Placeholder();
}
