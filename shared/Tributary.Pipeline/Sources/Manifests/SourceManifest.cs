namespace Tributary.Sources.Manifests;

/// <summary>
/// Declares one source: where it is, how to ask it, how to authenticate, how it pages, which window of time to
/// ask for, how fast it may be called, and what its payload's time and unit conventions are. Bound from
/// configuration section <c>Sources:{Key}</c> (see <c>sources.json</c>), so every field can be overridden by an app
/// setting such as <c>Sources__OpenAq__BaseUrl</c>. A new JSON source is a manifest alone (its <see cref="Mapping"/>); other payloads add a mapper class.
/// </summary>
public sealed class SourceManifest
{
    /// <summary>Stable id used in blob names, messages and table keys, e.g. <c>openaq</c>.</summary>
    public string Id { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary><see cref="SourceKind.Pull"/> (the default: a request on a schedule) or <see cref="SourceKind.Push"/> (uploads and webhooks).</summary>
    public SourceKind Kind { get; set; } = SourceKind.Pull;

    /// <summary>For a push source: what an upload may be and how it is authorised; null for a pulled source.</summary>
    public PushSpec? Push { get; set; }

    public string? Description { get; set; }

    /// <summary>The vendor (or replay server) base URL, e.g. <c>https://api.openaq.org</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>App setting holding the 6-field NCRONTAB schedule of the source's timer; when set, it wins over <see cref="Schedule"/>.</summary>
    public string? ScheduleSetting { get; set; }

    /// <summary>
    /// The NCRONTAB schedule (6 fields with seconds, or 5) of a source added by manifest alone, run by the
    /// scheduler timer; a source with its own timer function reads <see cref="ScheduleSetting"/> instead.
    /// </summary>
    public string? Schedule { get; set; }

    public RequestSpec Request { get; set; } = new();

    public FanOutSpec FanOut { get; set; } = new();

    public AuthSpec Auth { get; set; } = new();

    public PagingSpec Paging { get; set; } = new();

    public WindowSpec Window { get; set; } = new();

    public RateBudgetSpec RateBudget { get; set; } = new();

    public ResilienceSpec Resilience { get; set; } = new();

    /// <summary>
    /// The declarative mapping of a JSON payload to observations; null when a mapper class reads the source (a
    /// payload a declaration cannot say, such as a GTFS ZIP).
    /// </summary>
    public MappingSpec? Mapping { get; set; }
}
