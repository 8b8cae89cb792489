using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tributary.Telemetry;

/// <summary>
/// The pipeline's own traces and metrics, named once so the function app can subscribe to them (OpenTelemetry
/// <c>AddSource</c>/<c>AddMeter</c>) and the stages report through them: pages fetched, rows written, rate-limit
/// waits and quarantined records. Static, like <see cref="ActivitySource"/> usage in the .NET libraries: the
/// instruments are cheap no-ops until a listener subscribes.
/// </summary>
public static class PipelineTelemetry
{
    public const string Name = "Tributary.Pipeline";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> PagesFetched = Meter.CreateCounter<long>(
        "tributary.pages.fetched", unit: "{page}", description: "Raw pages landed by ingest runs, per source.");

    public static readonly Counter<long> BytesFetched = Meter.CreateCounter<long>(
        "tributary.bytes.fetched", unit: "By", description: "Bytes of raw pages landed, per source.");

    public static readonly Counter<long> RowsWritten = Meter.CreateCounter<long>(
        "tributary.rows.written", unit: "{row}", description: "Table rows whose content changed, per table.");

    public static readonly Histogram<double> RateLimitWait = Meter.CreateHistogram<double>(
        "tributary.ratelimit.wait", unit: "s", description: "Time a vendor request waited for its source's rate budget.");

    public static readonly Counter<long> RecordsQuarantined = Meter.CreateCounter<long>(
        "tributary.records.quarantined", unit: "{record}", description: "Records (or whole pages) sent to quarantine, per source.");

    public static KeyValuePair<string, object?> SourceTag(string source) => new("tributary.source", source);

    public static KeyValuePair<string, object?> TableTag(string table) => new("tributary.table", table);
}
