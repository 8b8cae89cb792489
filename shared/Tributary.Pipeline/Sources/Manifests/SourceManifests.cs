using Microsoft.Extensions.Configuration;

namespace Tributary.Sources.Manifests;

/// <summary>All manifests under configuration section <c>Sources</c>, validated together at start-up.</summary>
public sealed class SourceManifests
{
    public const string SectionName = "Sources";

    private SourceManifests(IReadOnlyDictionary<string, SourceManifest> byKey) => ByKey = byKey;

    /// <summary>Manifests by configuration key (e.g. <c>OpenAq</c>).</summary>
    public IReadOnlyDictionary<string, SourceManifest> ByKey { get; }

    public IEnumerable<SourceManifest> Enabled => ByKey.Values.Where(m => m.Enabled);

    public SourceManifest Get(string sourceId) => ByKey.Values.FirstOrDefault(m => m.Id == sourceId)
        ?? throw new UnknownSourceException(sourceId, ByKey.Values.Select(m => m.Id));

    /// <exception cref="InvalidOperationException">A manifest is invalid; the message lists every problem with its setting.</exception>
    public static SourceManifests Load(IConfiguration configuration)
    {
        var manifests = new Dictionary<string, SourceManifest>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var section in configuration.GetSection(SectionName).GetChildren())
        {
            var manifest = new SourceManifest();
            try
            {
                section.Bind(manifest, o => o.ErrorOnUnknownConfiguration = true);
            }
            catch (InvalidOperationException ex)
            {
                problems.Add($"Sources:{section.Key}: {ex.Message}");
                continue;
            }
            problems.AddRange(SourceManifestValidator.Validate(section.Key, manifest));
            if (manifest.Enabled && ScheduleProblem(configuration, section.Key, manifest.ScheduleSetting) is { } schedule) problems.Add(schedule);
            manifests[section.Key] = manifest;
        }
        foreach (var duplicate in manifests.GroupBy(m => m.Value.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"Source id '{duplicate.Key}' is declared by more than one section: {string.Join(", ", duplicate.Select(d => "Sources:" + d.Key))}.");
        }
        return problems.Count == 0
            ? new SourceManifests(manifests)
            : throw new InvalidOperationException("Invalid source manifests:\n- " + string.Join("\n- ", problems));
    }

    /// <summary>
    /// The source's timer function reads its schedule from this setting (<c>%IngestWeatherSchedule%</c>); checking
    /// it here turns a missing or mistyped schedule into a start-up error instead of a source that never runs.
    /// </summary>
    private static string? ScheduleProblem(IConfiguration configuration, string key, string? setting)
    {
        if (setting is null) return null;
        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value)) return $"Sources:{key}:ScheduleSetting names app setting '{setting}', which is not set.";
        // Parsed as the Functions host's timer trigger parses it (NCrontab, seconds unless there are exactly five
        // fields), so a schedule that passes here is one the host accepts, locally and in Azure.
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var parsed = NCrontab.CrontabSchedule.TryParse(value, new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = fields != 5 });
        return parsed is not null
            ? null
            : $"App setting '{setting}' (Sources:{key}:ScheduleSetting) is not an NCRONTAB schedule (six fields: second minute hour day month day-of-week, or five without seconds): '{value}'.";
    }
}
