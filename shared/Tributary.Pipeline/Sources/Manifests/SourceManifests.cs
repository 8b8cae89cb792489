using Microsoft.Extensions.Configuration;
using NCrontab;

namespace Tributary.Sources.Manifests;

/// <summary>All manifests under configuration section <c>Sources</c>, validated together at start-up.</summary>
public sealed class SourceManifests
{
    public const string SectionName = "Sources";

    private SourceManifests(IReadOnlyDictionary<string, SourceManifest> byKey, IReadOnlyDictionary<string, CrontabSchedule> schedules)
    {
        ByKey = byKey;
        _schedules = schedules;
    }

    private readonly IReadOnlyDictionary<string, CrontabSchedule> _schedules;

    /// <summary>Manifests by configuration key (e.g. <c>OpenAq</c>).</summary>
    public IReadOnlyDictionary<string, SourceManifest> ByKey { get; }

    public IEnumerable<SourceManifest> Enabled => ByKey.Values.Where(m => m.Enabled);

    /// <summary>The enabled sources Tributary asks (connectors, schedules, backfills).</summary>
    public IEnumerable<SourceManifest> Pulled => Enabled.Where(m => m.Kind == SourceKind.Pull);

    /// <summary>The enabled sources that are sent to Tributary (uploads, webhooks).</summary>
    public IEnumerable<SourceManifest> Pushed => Enabled.Where(m => m.Kind == SourceKind.Push);

    public SourceManifest Get(string sourceId) => ByKey.Values.FirstOrDefault(m => m.Id == sourceId)
        ?? throw new UnknownSourceException(sourceId, ByKey.Values.Select(m => m.Id));

    /// <summary>The source's effective schedule (its ScheduleSetting's value, else its Schedule), or null when it has none.</summary>
    public CrontabSchedule? ScheduleOf(string sourceId) => _schedules.GetValueOrDefault(sourceId);

    /// <exception cref="InvalidOperationException">A manifest is invalid; the message lists every problem with its setting.</exception>
    public static SourceManifests Load(IConfiguration configuration)
    {
        var manifests = new Dictionary<string, SourceManifest>(StringComparer.Ordinal);
        var problems = new List<string>();
        var schedules = new Dictionary<string, CrontabSchedule>(StringComparer.Ordinal);
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
            problems.AddRange(PushSpecValidator.PullOnlySettings(section, manifest));
            if (manifest.Enabled)
            {
                var (schedule, problem) = ReadSchedule(configuration, section.Key, manifest);
                if (problem is not null) problems.Add(problem);
                if (schedule is not null) schedules[manifest.Id] = schedule;
            }
            manifests[section.Key] = manifest;
        }
        foreach (var duplicate in manifests.GroupBy(m => m.Value.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"Source id '{duplicate.Key}' is declared by more than one section: {string.Join(", ", duplicate.Select(d => "Sources:" + d.Key))}.");
        }
        return problems.Count == 0
            ? new SourceManifests(manifests, schedules)
            : throw new InvalidOperationException("Invalid source manifests:\n- " + string.Join("\n- ", problems));
    }

    /// <summary>
    /// The source's timer function reads its schedule from its setting (<c>%IngestWeatherSchedule%</c>), the
    /// scheduler timer from the setting or the manifest's own <c>Schedule</c>; checking it here turns a missing or
    /// mistyped schedule into a start-up error instead of a source that never runs.
    /// </summary>
    private static (CrontabSchedule? Schedule, string? Problem) ReadSchedule(IConfiguration configuration, string key, SourceManifest manifest)
    {
        var setting = manifest.ScheduleSetting;
        var value = setting is null ? manifest.Schedule : configuration[setting] is { Length: > 0 } set ? set : manifest.Schedule;
        if (string.IsNullOrWhiteSpace(value))
        {
            // No schedule at all is allowed (a source only backfilled, or pushed to); a named setting that is unset is not.
            return (null, setting is null ? null : $"Sources:{key}:ScheduleSetting names app setting '{setting}', which is not set.");
        }
        // Parsed as the Functions host's timer trigger parses it (NCrontab, seconds unless there are exactly five
        // fields), so a schedule that passes here is one the host accepts, locally and in Azure.
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var parsed = CrontabSchedule.TryParse(value, new CrontabSchedule.ParseOptions { IncludingSeconds = fields != 5 });
        var where = setting is not null && configuration[setting] is { Length: > 0 } ? $"App setting '{setting}' (Sources:{key}:ScheduleSetting)" : $"Sources:{key}:Schedule";
        return parsed is not null
            ? (parsed, null)
            : (null, $"{where} is not an NCRONTAB schedule (six fields: second minute hour day month day-of-week, or five without seconds): '{value}'.");
    }
}
