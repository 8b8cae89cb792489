using System.Globalization;
using System.Text.RegularExpressions;
using Tributary.Curation;
using Tributary.Sources.Mapping;

namespace Tributary.Sources.Manifests;

/// <summary>Checks a manifest's declarative mapping at start-up; every problem names its setting (<c>Sources:OpenMeteo:Mapping:Values:2:Unit</c>).</summary>
public static partial class MappingSpecValidator
{
    public static IEnumerable<string> Validate(string at, SourceManifest manifest)
    {
        if (manifest.Mapping is not { } m) yield break;
        at += ":Mapping";
        if (manifest.Kind == SourceKind.Pull && !manifest.Request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{at} reads JSON, but Request:ContentType is '{manifest.Request.ContentType}'.";
        }
        foreach (var problem in Paths(at, ("Records", m.Records, true), ("Time:Field", m.Time.Field, false))) yield return problem;
        foreach (var problem in Time(at + ":Time", m.Time)) yield return problem;
        foreach (var problem in Location(at + ":Location", m.Location, manifest.Kind == SourceKind.Push ? FanOutKind.None : manifest.FanOut.Over)) yield return problem;

        if (m.Values.Count == 0) yield return $"{at}:Values is empty: declare at least one value to map.";
        var metrics = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < m.Values.Count; i++)
        {
            foreach (var problem in Value($"{at}:Values:{i}", m.Values[i], metrics)) yield return problem;
        }
        for (var i = 0; i < m.Flags.Count; i++)
        {
            var flag = m.Flags[i];
            var fat = $"{at}:Flags:{i}";
            foreach (var problem in Paths(fat, ("Field", flag.Field, false))) yield return problem;
            if (flag.Flag == QualityFlags.None || !Enum.IsDefined(flag.Flag))
            {
                yield return $"{fat}:Flag '{flag.Flag}' must be one quality flag ({string.Join(", ", Enum.GetNames<QualityFlags>().Skip(1))}).";
            }
            if (flag.Below is not null && flag.EqualsValue is not null) yield return $"{fat}: set Below or EqualsValue, not both.";
        }
    }

    private static IEnumerable<string> Time(string at, TimeSpec time)
    {
        if (!Enum.IsDefined(time.Convention)) yield return $"{at}:Convention '{time.Convention}' is not one of {string.Join(", ", Enum.GetNames<TimeConvention>())}.";
        if (time.Format is { } format && !RoundTrips(format)) yield return $"{at}:Format '{format}' is not a .NET date format that reads back what it writes.";
        if (time.Convention == TimeConvention.UnixSeconds && time.Format is not null) yield return $"{at}:Format does not apply to UnixSeconds.";
        if (time.Convention == TimeConvention.OffsetField)
        {
            foreach (var problem in Paths(at, ("OffsetField", time.OffsetField ?? "", false))) yield return problem;
        }
        if (time.Convention == TimeConvention.Local)
        {
            if (string.IsNullOrWhiteSpace(time.Zone)) yield return $"{at}:Zone (an IANA zone such as Europe/Oslo) is required for Local times.";
            else if (!TimeZoneInfo.TryFindSystemTimeZoneById(time.Zone, out _)) yield return $"{at}:Zone '{time.Zone}' is not a time zone this machine knows.";
        }
    }

    private static IEnumerable<string> Location(string at, LocationSpec location, FanOutKind fanOut)
    {
        // A record that names its own city (CityField) needs no city from the request.
        var recordCity = location.CityField is not null;
        if (recordCity)
        {
            foreach (var problem in Paths(at, ("CityField", location.CityField!, false))) yield return problem;
            if (location.From == LocationSource.Item) yield return $"{at}:CityField does not apply to From Item (the item names its city).";
        }
        switch (location.From)
        {
            case LocationSource.City when fanOut != FanOutKind.Cities && !recordCity:
                yield return $"{at}:From City needs FanOut:Over Cities (the page's city is the request's), or a CityField.";
                break;
            case LocationSource.Item when fanOut != FanOutKind.Items:
                yield return $"{at}:From Item needs FanOut:Over Items.";
                break;
            case LocationSource.Fields:
                if (fanOut == FanOutKind.None && !recordCity) yield return $"{at}:From Fields still needs the page's city: FanOut:Over Cities or Items, or a CityField.";
                foreach (var problem in Paths(at, ("IdField", location.IdField ?? "", false))) yield return problem;
                break;
            case not (LocationSource.City or LocationSource.Item or LocationSource.Fields):
                yield return $"{at}:From '{location.From}' is not one of {string.Join(", ", Enum.GetNames<LocationSource>())}.";
                break;
        }
        if (location.From != LocationSource.City && !location.IdFormat.Contains("{id}", StringComparison.Ordinal))
        {
            yield return $"{at}:IdFormat '{location.IdFormat}' must contain {{id}}, or every record would share one location.";
        }
    }

    private static IEnumerable<string> Value(string at, ValueSpec value, HashSet<string> metrics)
    {
        foreach (var problem in Paths(at, ("Field", value.Field, false))) yield return problem;
        if (!MetricId().IsMatch(value.Metric)) yield return $"{at}:Metric '{value.Metric}' must be 2-40 lower-case letters, digits or '_' (it is part of table keys).";
        else if (!metrics.Add(value.Metric)) yield return $"{at}:Metric '{value.Metric}' is mapped twice.";
        if (!UnitConversion.IsCanonical(value.Unit))
        {
            yield return $"{at}:Unit '{value.Unit}' is not a canonical UCUM unit (one of Cel, K, m/s, mm, %, ug/m3, [ppm], Pa, s, m, 1, W/m2).";
        }
        else if (Metrics.CanonicalUnits.TryGetValue(value.Metric, out var stored) && stored != value.Unit)
        {
            yield return $"{at}:Unit '{value.Unit}' is not the unit metric '{value.Metric}' is stored in ({stored}): convert to it.";
        }
        else if (!UnitConversion.TryFind(value.VendorUnit ?? value.Unit, value.Unit, value.MolarMass, out _))
        {
            yield return $"{at}:VendorUnit '{value.VendorUnit}' cannot be converted to {value.Unit}" +
                         (value.MolarMass is null ? " (a mass concentration to a mixing ratio needs MolarMass)." : ".");
        }
        if (value.MolarMass is <= 0) yield return $"{at}:MolarMass must be positive (g/mol).";
        if (value.UnitField is { } unitField)
        {
            foreach (var problem in Paths(at, ("UnitField", unitField, false))) yield return problem;
        }
        if (value.PeriodSeconds is < 0 or > 31 * 86400) yield return $"{at}:PeriodSeconds {value.PeriodSeconds} must be 0..2678400.";
        if (value.Label == PeriodLabel.End && value.PeriodSeconds == 0) yield return $"{at}:Label End needs PeriodSeconds (the period that ends at the label).";
        if (!Enum.IsDefined(value.Label)) yield return $"{at}:Label '{value.Label}' must be Start or End.";
        if (value.Min is { } min && value.Max is { } max && min > max) yield return $"{at}: Min {min} is above Max {max}.";
    }

    private static IEnumerable<string> Paths(string at, params (string Name, string Path, bool MayBeEmpty)[] paths)
    {
        foreach (var (name, path, mayBeEmpty) in paths)
        {
            if (path.Length == 0 && mayBeEmpty) continue;
            if (!DottedPath().IsMatch(path)) yield return $"{at}:{name} '{path}' must be a dotted path of property names (e.g. hourly.time).";
        }
    }

    private static bool RoundTrips(string format)
    {
        // With an offset of zero, so neither writing nor reading involves the machine's zone.
        var sample = new DateTimeOffset(2026, 3, 29, 13, 45, 0, TimeSpan.Zero);
        try
        {
            var text = sample.ToString(format, CultureInfo.InvariantCulture);
            return DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var back) &&
                   back.UtcDateTime.Date == sample.UtcDateTime.Date;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(\$\.)?[A-Za-z0-9_@-]+(\.[A-Za-z0-9_@-]+)*$")]
    private static partial Regex DottedPath();

    [GeneratedRegex("^[a-z][a-z0-9_]{1,39}$")]
    private static partial Regex MetricId();
}
