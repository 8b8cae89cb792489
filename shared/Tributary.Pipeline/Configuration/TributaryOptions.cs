using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Tributary.Configuration;

/// <summary>Pipeline-wide settings, bound from the <c>Tributary</c> configuration section.</summary>
public sealed partial class TributaryOptions
{
    public const string SectionName = "Tributary";

    /// <summary>The locations every source is pulled for. Defaults to the three demo cities of the design.</summary>
    public List<City> Cities { get; set; } = [];

    /// <summary>Largest date range one KPI query may ask for, so no request can force a wide scan.</summary>
    [Range(1, 366)]
    public int MaxQueryDays { get; set; } = 31;

    public static IReadOnlyList<City> DefaultCities { get; } =
    [
        new("oslo", "Oslo", 59.9139, 10.7522),
        new("bergen", "Bergen", 60.3913, 5.3221),
        new("trondheim", "Trondheim", 63.4305, 10.3951),
    ];

    public IReadOnlyList<City> EffectiveCities => Cities.Count > 0 ? Cities : DefaultCities;

    /// <summary>Returns the problems with the settings, each naming the setting at fault.</summary>
    public IEnumerable<string> Validate()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Cities.Count; i++)
        {
            var city = Cities[i];
            var at = $"{SectionName}:Cities:{i}";
            if (city.Id is null || !CityIdPattern().IsMatch(city.Id))
            {
                yield return $"{at}:Id '{city.Id}' must be 1-32 lower-case letters, digits or '-'.";
            }
            else if (!seen.Add(city.Id))
            {
                yield return $"{at}:Id '{city.Id}' is listed twice.";
            }
            if (city.Latitude is < -90 or > 90) yield return $"{at}:Latitude {city.Latitude} is outside -90..90.";
            if (city.Longitude is < -180 or > 180) yield return $"{at}:Longitude {city.Longitude} is outside -180..180.";
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex CityIdPattern();
}
