using Tributary.Quality;
using System.Text.Json;
using Tributary.Curation;

namespace Tributary.Sources.Entur;

/// <summary>
/// Maps an Entur Journey Planner v3 departure board (<c>data.stopPlace.estimatedCalls</c>) to one
/// <c>departure_delay</c> observation per call, at the call's aimed departure time (UTC) and quay. Delay is
/// <c>(actual ?? expected) − aimed</c> in seconds. A call without real-time data is kept but flagged ScheduledOnly
/// (its zero delay is not a measurement); a cancelled call has no value and is flagged Cancelled. The same call is
/// seen by many runs: the row key carries the trip and service date, so the latest run's state wins in place.
/// </summary>
/// <param name="sourceId">The source this mapper serves: the open board (<c>entur-jp</c>) and the partner-authenticated one share the shape.</param>
public sealed class JourneyPlannerMapper(string sourceId, IReadOnlyDictionary<string, Configuration.City> cities) : ISourceMapper
{
    public const string OpenId = "entur-jp";
    public const string PartnerId = "entur-partner";

    // data-sources.md section 7: delays outside [-1 h, +4 h] are kept but flagged.
    private const double MinDelaySeconds = -3600;
    private const double MaxDelaySeconds = 14400;

    public string SourceId => sourceId;

    private const FieldKinds Text = FieldKinds.String, Bool = FieldKinds.Boolean, Null = FieldKinds.Null;
    private const string Call = "data.stopPlace.estimatedCalls[]";

    /// <summary>What it reads of a departure board; the name, realtimeState and line the query asks for are known, not read.</summary>
    public PayloadSchema Schema { get; } = new(
    [
        new("data", FieldKinds.Object | Null),
        new("errors", FieldKinds.Array, Required: false),
        new("data.stopPlace", FieldKinds.Object | Null),
        new("data.stopPlace.id", Text, Required: false),
        new("data.stopPlace.name", Text | Null, Required: false),
        new("data.stopPlace.latitude", FieldKinds.Number | Null, Required: false),
        new("data.stopPlace.longitude", FieldKinds.Number | Null, Required: false),
        new("data.stopPlace.estimatedCalls", FieldKinds.Array, Required: false),
        new($"{Call}.aimedDepartureTime", Text),
        new($"{Call}.expectedDepartureTime", Text | Null),
        new($"{Call}.actualDepartureTime", Text | Null, Required: false),
        new($"{Call}.realtime", Bool),
        new($"{Call}.realtimeState", Text | Null, Required: false),
        new($"{Call}.cancellation", Bool),
        new($"{Call}.predictionInaccurate", Bool),
        new($"{Call}.date", Text),
        new($"{Call}.quay", FieldKinds.Object | Null, Required: false),
        new($"{Call}.serviceJourney", FieldKinds.Object),
        new($"{Call}.serviceJourney.id", Text),
    ], ["data.stopPlace", Call]);

    public MappingResult Map(Stream payload, RawPageContext context)
    {
        var cityId = context.KnownCity(cities, "give the stop place item a 'City'").Id;

        using var doc = JsonPayload.Parse(payload, context);
        var root = doc.RootElement;
        // GraphQL may answer 200 with errors beside partial data: keep the data, and report each error.
        var rejected = new List<RejectedRecord>();
        var errorIndex = 0;
        foreach (var error in root.Get("errors", JsonValueKind.Array)?.EnumerateArray() ?? default)
        {
            rejected.Add(new RejectedRecord($"errors[{errorIndex++}]", $"GraphQL error: {error.String("message")}", error.GetRawText()));
        }
        if (root.Get("data", JsonValueKind.Object) is not { } data || !data.TryGetProperty("stopPlace", out var stopPlace))
        {
            var why = rejected.Count > 0 ? rejected[0].Reason : "no 'data.stopPlace'";
            throw new MalformedPayloadException($"Page '{context.BlobName}' has no departure board: {why}");
        }

        if (stopPlace.ValueKind == JsonValueKind.Null)
        {
            // Entur answers an unknown (well-formed) id with 200 and null: a configuration error, not vendor data.
            rejected.Add(new RejectedRecord("data.stopPlace", $"stop place '{context.ItemId}' is unknown to the vendor", null));
            return new MappingResult([], rejected);
        }
        if (stopPlace.Get("estimatedCalls", JsonValueKind.Array) is not { } calls)
        {
            throw new MalformedPayloadException($"Page '{context.BlobName}' has no 'data.stopPlace.estimatedCalls' array.");
        }

        var stopPlaceId = stopPlace.String("id") ?? context.ItemId ?? "";
        var latitude = stopPlace.Number("latitude");
        var longitude = stopPlace.Number("longitude");
        var observations = JsonPayload.MapEach(calls, "data.stopPlace.estimatedCalls", rejected,
            (JsonElement call, out string? reason) => ToObservation(call, cityId, stopPlaceId, latitude, longitude, out reason));
        return new MappingResult(observations, rejected);
    }

    private Observation? ToObservation(JsonElement call, string cityId, string stopPlaceId, double? latitude, double? longitude, out string? reason)
    {
        reason = null;
        var aimed = JsonPayload.Instant(call.String("aimedDepartureTime"));
        if (aimed is null)
        {
            reason = "aimedDepartureTime is missing or has no UTC offset";
            return null;
        }
        var journey = call.Get("serviceJourney", JsonValueKind.Object)?.String("id");
        var serviceDate = call.String("date");
        if (journey is null || serviceDate is null)
        {
            reason = "serviceJourney.id or the service date is missing";
            return null;
        }
        var quay = call.Get("quay", JsonValueKind.Object)?.String("id") ?? stopPlaceId;

        var flags = QualityFlags.None;
        double? delay = null;
        if (call.Flag("cancellation"))
        {
            flags |= QualityFlags.Cancelled;
        }
        else
        {
            var expectedText = call.String("actualDepartureTime") ?? call.String("expectedDepartureTime");
            if (JsonPayload.Instant(expectedText) is not { } departed)
            {
                reason = "expectedDepartureTime is missing or has no UTC offset";
                return null;
            }
            delay = (departed - aimed.Value).TotalSeconds;
            if (delay is < MinDelaySeconds or > MaxDelaySeconds) flags |= QualityFlags.OutOfRange;
        }
        if (!call.Flag("realtime")) flags |= QualityFlags.ScheduledOnly;
        if (call.Flag("predictionInaccurate")) flags |= QualityFlags.PredictionInaccurate;

        var eventId = $"{journey}|{serviceDate}";
        return new Observation(sourceId, Metrics.DepartureDelay, quay, cityId, latitude, longitude, aimed.Value, 0, delay, "s", flags,
            $"{journey}|{serviceDate}|{quay}")
        {
            EventId = eventId,
        };
    }
}
