namespace Tributary.Sources.Manifests;

/// <summary>
/// Declares one source: where it is, how to ask it, how to authenticate, how it pages, which window of time to
/// ask for, how fast it may be called, and what its payload's time and unit conventions are. Bound from
/// configuration section <c>Sources:{Key}</c> (see <c>sources.json</c>), so every field can be overridden by an app
/// setting such as <c>Sources__OpenAq__BaseUrl</c>. A new REST source is a manifest plus a mapper.
/// </summary>
public sealed class SourceManifest
{
    /// <summary>Stable id used in blob names, messages and table keys, e.g. <c>openaq</c>.</summary>
    public string Id { get; set; } = "";

    public bool Enabled { get; set; } = true;

    public string? Description { get; set; }

    /// <summary>The vendor (or replay server) base URL, e.g. <c>https://api.openaq.org</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>App setting holding the 6-field NCRONTAB schedule of the source's timer.</summary>
    public string? ScheduleSetting { get; set; }

    public RequestSpec Request { get; set; } = new();

    public FanOutSpec FanOut { get; set; } = new();

    public AuthSpec Auth { get; set; } = new();

    public PagingSpec Paging { get; set; } = new();

    public WindowSpec Window { get; set; } = new();

    public RateBudgetSpec RateBudget { get; set; } = new();

    public ResilienceSpec Resilience { get; set; } = new();

    /// <summary>How the payload writes time, for the mapper and for humans (e.g. <c>naive-utc</c>, <c>offset-local</c>, <c>period-ending</c>, <c>gtfs-service-day</c>).</summary>
    public string? TimeConvention { get; set; }

    /// <summary>The payload's units by field, for the mapper and for humans (e.g. <c>wind_speed_10m: m/s</c>).</summary>
    public Dictionary<string, string> Units { get; set; } = [];
}
