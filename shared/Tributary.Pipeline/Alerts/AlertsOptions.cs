using System.Text.RegularExpressions;
using Tributary.Marts;

namespace Tributary.Alerts;

/// <summary>Configuration section <c>Alerts</c>: the rules and where incidents are delivered.</summary>
public sealed partial class AlertsOptions
{
    public const string SectionName = "Alerts";

    public List<AlertRule> Rules { get; set; } = [];

    /// <summary>The outgoing webhook; empty means incidents are recorded but not delivered (the row says so).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The HMAC-SHA256 key of the signature; else the secret <c>alerts-webhook-secret</c> (Secrets__… or Key Vault).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Whether a resolved incident is delivered too (event <c>resolved</c>).</summary>
    public bool DeliverResolved { get; set; } = true;

    /// <summary>Every problem at once, each naming its setting. <paramref name="sources"/> and <paramref name="cities"/> are the known ids.</summary>
    public IEnumerable<string> Validate(KpiCatalog catalog, IReadOnlyCollection<string> sources, IReadOnlyCollection<string> cities)
    {
        if (!string.IsNullOrWhiteSpace(WebhookUrl) &&
            (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return $"{SectionName}:WebhookUrl must be an absolute http or https URL.";
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Rules.Count; i++)
        {
            var rule = Rules[i];
            var at = $"{SectionName}:Rules:{i}";
            if (rule.Name is null || !NamePattern().IsMatch(rule.Name)) yield return $"{at}:Name '{rule.Name}' must be 1-40 lower-case letters, digits or '-'.";
            else if (!names.Add(rule.Name)) yield return $"{at}:Name '{rule.Name}' is used by another rule.";
            if (!Enum.IsDefined(rule.Kind)) yield return $"{at}:Kind must be one of {string.Join(", ", Enum.GetNames<AlertKind>())}.";
            var problems = rule.Kind == AlertKind.KpiThreshold ? KpiProblems(rule, catalog, cities) : SourceProblems(rule, sources);
            foreach (var problem in problems) yield return $"{at}:{problem}";
        }
    }

    private static IEnumerable<string> KpiProblems(AlertRule rule, KpiCatalog catalog, IReadOnlyCollection<string> cities)
    {
        var kpi = rule.Kpi is null ? null : catalog.Find(rule.Kpi);
        if (kpi is null) yield return $"Kpi '{rule.Kpi}' is not a KPI; known: {string.Join(", ", catalog.All.Select(k => k.Id))}.";
        if (rule.City is not null && !cities.Contains(rule.City)) yield return $"City '{rule.City}' is not a configured city; known: {string.Join(", ", cities)}.";
        if (rule.Stop is not null)
        {
            if (rule.City is null) yield return "Stop needs City: the city the stop place is in.";
            if (kpi is not null && !kpi.Dimensions.Contains(KpiDimension.StopPlace)) yield return $"Stop: KPI '{kpi.Id}' is computed per city only.";
            if (!StopPattern().IsMatch(rule.Stop)) yield return $"Stop '{rule.Stop}' is not a stop place id (e.g. NSR:StopPlace:58366).";
        }
        var grain = KpiGrains.Parse(rule.Grain);
        if (grain is null) yield return $"Grain '{rule.Grain}' must be 'hour' or 'day'.";
        else if (kpi is not null && !kpi.Grains.Contains(grain.Value)) yield return $"Grain: KPI '{kpi.Id}' has no grain '{rule.Grain}'.";
        if (rule.Above is null == rule.Below is null) yield return "Above/Below: give exactly one threshold.";
        if ((rule.Above ?? rule.Below) is { } threshold && !double.IsFinite(threshold)) yield return "Above/Below must be a finite number.";
        if (rule.Consecutive is < 1 or > 168) yield return $"Consecutive {rule.Consecutive} must be from 1 to 168.";
        if (rule.Source is not null) yield return "Source does not apply to a KpiThreshold rule.";
    }

    private static IEnumerable<string> SourceProblems(AlertRule rule, IReadOnlyCollection<string> sources)
    {
        if (rule.Source is null || !sources.Contains(rule.Source)) yield return $"Source '{rule.Source}' is not a source; known: {string.Join(", ", sources)}.";
        if (rule.Kind == AlertKind.SourceStale && rule.MaxAgeMinutes is not (>= 5 and <= 44640)) yield return $"MaxAgeMinutes {(rule.MaxAgeMinutes is { } m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " : "")}must be given, from 5 to 44640 (31 days).";
        if (rule.Kind != AlertKind.SourceStale && rule.MaxAgeMinutes is not null) yield return "MaxAgeMinutes applies to SourceStale rules only.";
        if (rule.Kpi is not null || rule.City is not null || rule.Stop is not null || rule.Above is not null || rule.Below is not null)
        {
            yield return "Kpi, City, Stop, Above and Below apply to KpiThreshold rules only.";
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9:_.-]{0,63}$")]
    private static partial Regex StopPattern();
}
