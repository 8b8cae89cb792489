using System.Buffers;
using System.Text.Json;
using Tributary.Replay.Entur.Network;

namespace Tributary.Replay.Entur.JourneyPlanner;

/// <summary>The result would exceed the server's field budget: HTTP 422 <c>ResponseTooLarge</c>.</summary>
internal sealed class ResponseTooLargeException(int maxFields)
    : Exception($"The number of fields in the GraphQL result exceeds the maximum allowed: {maxFields}");

/// <summary>
/// Executes a validated query against the catalogue and writes exactly the selected fields, under their aliases, in
/// the order asked (fragments and <c>@include</c>/<c>@skip</c> honoured). The body is <c>{"data":...}</c>, preceded by
/// <c>errors</c> when a field failed (e.g. a stop id that is not an Entur id).
/// </summary>
internal sealed class QueryExecutor
{
    public const int MaxResultFields = 100_000;

    /// <summary>The name <c>expectedDepartureTime</c> gets under the <c>schema-drift</c> fault.</summary>
    public const string DriftedExpectedDepartureTime = "expectedDeparture";

    private readonly EnturNetwork _network;
    private readonly DepartureBoard _board;
    private readonly Dictionary<string, FragmentDefinition> _fragments;
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private readonly DateTimeOffset _now;
    private readonly bool _drift;
    private readonly List<GraphQLError> _errors = [];
    private int _fields;

    public QueryExecutor(EnturNetwork network, DepartureBoard board, QueryDocument document, IReadOnlyDictionary<string, object?> variables, DateTimeOffset now, bool drift)
    {
        _network = network;
        _board = board;
        _fragments = document.Fragments.GroupBy(fragment => fragment.Name, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        _variables = variables;
        _now = now;
        _drift = drift;
    }

    /// <exception cref="ResponseTooLargeException">More than <see cref="MaxResultFields"/> fields.</exception>
    public ReadOnlyMemory<byte> Execute(Operation operation)
    {
        var data = new ArrayBufferWriter<byte>(8 * 1024);
        using (var json = new Utf8JsonWriter(data, EnturJson.WriterOptions))
        {
            WriteQuery(json, Collect(JourneyPlannerSchema.QueryTypeName, operation.SelectionSet));
        }

        var output = new ArrayBufferWriter<byte>(data.WrittenCount + 512);
        using (var json = new Utf8JsonWriter(output, EnturJson.WriterOptions))
        {
            json.WriteStartObject();
            if (_errors.Count > 0)
            {
                json.WritePropertyName("errors");
                EnturJson.WriteErrors(json, _errors);
            }

            json.WritePropertyName("data");
            json.WriteRawValue(data.WrittenSpan, skipInputValidation: true);
            json.WriteEndObject();
        }

        return output.WrittenMemory;
    }

    private void WriteQuery(Utf8JsonWriter json, List<FieldGroup> groups)
    {
        json.WriteStartObject();
        foreach (var group in groups)
        {
            Count();
            var field = group.Field;
            var definition = JourneyPlannerSchema.QueryType.Fields.GetValueOrDefault(field.Name);
            json.WritePropertyName(group.Key);
            switch (field.Name)
            {
                case JourneyPlannerSchema.TypeNameField:
                    json.WriteStringValue(JourneyPlannerSchema.QueryTypeName);
                    break;
                case "stopPlace":
                    var id = (string?)Argument(field, definition!, "id") ?? string.Empty;
                    if (!IsEntityId(id))
                    {
                        FetchFailed(group, $"Unable to parse id: '{id}'. Expected format: 'CODESPACE:Type:Id'");
                        json.WriteNullValue();
                    }
                    else
                    {
                        WriteNullableStopPlace(json, _network.FindStopPlace(id), group);
                    }

                    break;
                case "stopPlaces":
                    var ids = Argument(field, definition!, "ids") as List<object?>;
                    IEnumerable<StopPlace?> stopPlaces = ids is null
                        ? _network.StopPlaces
                        : ids.Select(item => item is string stopId ? _network.FindStopPlace(stopId) : null);
                    json.WriteStartArray();
                    foreach (var stopPlace in stopPlaces)
                    {
                        WriteNullableStopPlace(json, stopPlace, group);
                    }

                    json.WriteEndArray();
                    break;
                case "stopPlacesByBbox":
                    var minimumLatitude = Argument(field, definition!, "minimumLatitude") as double? ?? double.MinValue;
                    var minimumLongitude = Argument(field, definition!, "minimumLongitude") as double? ?? double.MinValue;
                    var maximumLatitude = Argument(field, definition!, "maximumLatitude") as double? ?? double.MaxValue;
                    var maximumLongitude = Argument(field, definition!, "maximumLongitude") as double? ?? double.MaxValue;
                    json.WriteStartArray();
                    foreach (var stopPlace in _network.StopPlaces.Where(stop =>
                        stop.Latitude >= minimumLatitude && stop.Latitude <= maximumLatitude && stop.Longitude >= minimumLongitude && stop.Longitude <= maximumLongitude))
                    {
                        WriteStopPlace(json, stopPlace, Children("StopPlace", group));
                    }

                    json.WriteEndArray();
                    break;
                case "quay":
                    var quayId = (string?)Argument(field, definition!, "id") ?? string.Empty;
                    var quay = _network.StopPlaces.SelectMany(stop => stop.Quays).FirstOrDefault(candidate => candidate.Id == quayId);
                    if (quay is null) json.WriteNullValue();
                    else WriteQuay(json, quay, Children("Quay", group));
                    break;
            }
        }

        json.WriteEndObject();
    }

    private void WriteNullableStopPlace(Utf8JsonWriter json, StopPlace? stopPlace, FieldGroup group)
    {
        if (stopPlace is null)
        {
            json.WriteNullValue();
            return;
        }

        WriteStopPlace(json, stopPlace, Children("StopPlace", group));
    }

    private void WriteStopPlace(Utf8JsonWriter json, StopPlace stopPlace, List<FieldGroup> groups)
    {
        var type = JourneyPlannerSchema.Find("StopPlace")!;
        json.WriteStartObject();
        foreach (var group in groups)
        {
            Count();
            json.WritePropertyName(group.Key);
            switch (group.Field.Name)
            {
                case JourneyPlannerSchema.TypeNameField: json.WriteStringValue("StopPlace"); break;
                case "id": json.WriteStringValue(stopPlace.Id); break;
                case "name": json.WriteStringValue(stopPlace.Name); break;
                case "latitude": json.WriteNumberValue(stopPlace.Latitude); break;
                case "longitude": json.WriteNumberValue(stopPlace.Longitude); break;
                case "transportMode":
                    json.WriteStartArray();
                    foreach (var mode in _network.LinesAt(stopPlace.Id).Select(line => line.Mode).Distinct().Order())
                    {
                        json.WriteStringValue(TransportModes.NameOf(mode));
                    }

                    json.WriteEndArray();
                    break;
                case "quays":
                    json.WriteStartArray();
                    foreach (var quay in stopPlace.Quays)
                    {
                        WriteQuay(json, quay, Children("Quay", group));
                    }

                    json.WriteEndArray();
                    break;
                case "estimatedCalls":
                    var query = DepartureQueryOf(group.Field, type.Fields["estimatedCalls"]);
                    var calls = _board.CallsAt(stopPlace, query, _now, MaxResultFields);
                    if (calls.Count > MaxResultFields) throw new ResponseTooLargeException(MaxResultFields);
                    var children = Children("EstimatedCall", group);
                    json.WriteStartArray();
                    foreach (var call in calls)
                    {
                        WriteCall(json, call, children);
                    }

                    json.WriteEndArray();
                    break;
            }
        }

        json.WriteEndObject();
    }

    private void WriteQuay(Utf8JsonWriter json, Quay quay, List<FieldGroup> groups)
    {
        json.WriteStartObject();
        foreach (var group in groups)
        {
            Count();
            json.WritePropertyName(group.Key);
            switch (group.Field.Name)
            {
                case JourneyPlannerSchema.TypeNameField: json.WriteStringValue("Quay"); break;
                case "id": json.WriteStringValue(quay.Id); break;
                case "name": json.WriteStringValue(quay.Name); break;
                case "publicCode": json.WriteStringValue(quay.PublicCode); break;
                case "latitude": json.WriteNumberValue(quay.Latitude); break;
                case "longitude": json.WriteNumberValue(quay.Longitude); break;
                case "stopPlace": WriteStopPlace(json, _network.StopPlace(quay.StopPlaceId), Children("StopPlace", group)); break;
            }
        }

        json.WriteEndObject();
    }

    private void WriteCall(Utf8JsonWriter json, EstimatedCall call, List<FieldGroup> groups)
    {
        json.WriteStartObject();
        foreach (var group in groups)
        {
            Count();
            var key = _drift && group.Field is { Name: "expectedDepartureTime", Alias: null } ? DriftedExpectedDepartureTime : group.Key;
            json.WritePropertyName(key);
            switch (group.Field.Name)
            {
                case JourneyPlannerSchema.TypeNameField: json.WriteStringValue("EstimatedCall"); break;
                case "aimedArrivalTime": json.WriteStringValue(OsloTime.Format(call.AimedArrival)); break;
                case "aimedDepartureTime": json.WriteStringValue(OsloTime.Format(call.AimedDeparture)); break;
                case "expectedArrivalTime": json.WriteStringValue(OsloTime.Format(call.ExpectedArrival)); break;
                case "expectedDepartureTime": json.WriteStringValue(OsloTime.Format(call.ExpectedDeparture)); break;
                case "actualArrivalTime": WriteTime(json, call.ActualArrival); break;
                case "actualDepartureTime": WriteTime(json, call.ActualDeparture); break;
                case "realtime": json.WriteBooleanValue(call.Realtime); break;
                case "realtimeState": json.WriteStringValue(call.RealtimeState); break;
                case "cancellation": json.WriteBooleanValue(call.Cancellation); break;
                case "predictionInaccurate": json.WriteBooleanValue(call.PredictionInaccurate); break;
                case "date": json.WriteStringValue(OsloTime.FormatDate(call.ServiceDate)); break;
                case "forBoarding": json.WriteBooleanValue(call.ForBoarding); break;
                case "forAlighting": json.WriteBooleanValue(call.ForAlighting); break;
                case "requestStop": json.WriteBooleanValue(false); break;
                case "stopPositionInPattern": json.WriteNumberValue(call.StopPositionInPattern); break;
                case "quay": WriteQuay(json, call.Quay, Children("Quay", group)); break;
                case "serviceJourney": WriteServiceJourney(json, call.Trip, Children("ServiceJourney", group)); break;
                case "destinationDisplay":
                    json.WriteStartObject();
                    foreach (var child in Children("DestinationDisplay", group))
                    {
                        Count();
                        json.WritePropertyName(child.Key);
                        json.WriteStringValue(child.Field.Name == "frontText" ? call.DestinationText : "DestinationDisplay");
                    }

                    json.WriteEndObject();
                    break;
            }
        }

        json.WriteEndObject();
    }

    private void WriteServiceJourney(Utf8JsonWriter json, Trip trip, List<FieldGroup> groups)
    {
        json.WriteStartObject();
        foreach (var group in groups)
        {
            Count();
            json.WritePropertyName(group.Key);
            switch (group.Field.Name)
            {
                case JourneyPlannerSchema.TypeNameField: json.WriteStringValue("ServiceJourney"); break;
                case "id": json.WriteStringValue(trip.Id); break;
                case "transportMode": json.WriteStringValue(TransportModes.NameOf(trip.Line.Mode)); break;
                case "line": WriteLine(json, trip.Line, Children("Line", group)); break;
            }
        }

        json.WriteEndObject();
    }

    private void WriteLine(Utf8JsonWriter json, TransitLine line, List<FieldGroup> groups)
    {
        json.WriteStartObject();
        foreach (var group in groups)
        {
            Count();
            json.WritePropertyName(group.Key);
            switch (group.Field.Name)
            {
                case JourneyPlannerSchema.TypeNameField: json.WriteStringValue("Line"); break;
                case "id": json.WriteStringValue(line.Id); break;
                case "publicCode": json.WriteStringValue(line.PublicCode); break;
                case "name": json.WriteStringValue(line.Name); break;
                case "transportMode": json.WriteStringValue(TransportModes.NameOf(line.Mode)); break;
                case "authority":
                    json.WriteStartObject();
                    foreach (var child in Children("Authority", group))
                    {
                        Count();
                        json.WritePropertyName(child.Key);
                        json.WriteStringValue(child.Field.Name switch
                        {
                            "id" => line.Authority.Id,
                            "name" => line.Authority.Name,
                            "url" => line.Authority.Url,
                            _ => "Authority",
                        });
                    }

                    json.WriteEndObject();
                    break;
            }
        }

        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, DateTimeOffset? instant)
    {
        if (instant is { } value) json.WriteStringValue(OsloTime.Format(value));
        else json.WriteNullValue();
    }

    private DepartureQuery DepartureQueryOf(Field field, FieldDefinition definition)
    {
        var whiteListed = Argument(field, definition, "whiteListed") as Dictionary<string, object?>;
        return new DepartureQuery(
            Argument(field, definition, "startTime") as DateTimeOffset? ?? _now,
            Argument(field, definition, "timeRange") as int? ?? 86400,
            Argument(field, definition, "numberOfDepartures") as int? ?? 5,
            (Argument(field, definition, "arrivalDeparture") as string) switch
            {
                "arrivals" => ArrivalDeparture.Arrivals,
                "both" => ArrivalDeparture.Both,
                _ => ArrivalDeparture.Departures,
            },
            Argument(field, definition, "includeCancelledTrips") as bool? ?? false,
            Argument(field, definition, "numberOfDeparturesPerLineAndDestinationDisplay") as int? is { } perLine and > 0 ? perLine : null,
            SetOf(Argument(field, definition, "whiteListedModes")),
            SetOf(whiteListed?.GetValueOrDefault("lines")),
            SetOf(whiteListed?.GetValueOrDefault("authorities")));
    }

    private static HashSet<string>? SetOf(object? list) =>
        list is List<object?> items && items.OfType<string>().ToHashSet(StringComparer.Ordinal) is { Count: > 0 } set ? set : null;

    private object? Argument(Field field, FieldDefinition definition, string name)
    {
        var input = definition.Arguments[name];
        var given = field.Arguments.FirstOrDefault(argument => argument.Name == name);
        if (given is not null)
        {
            var value = ValueCoercion.FromLiteral(given.Value, input.Type, _variables);
            if (value != ValueCoercion.Absent && value is not null)
            {
                return value;
            }
        }

        return input.HasDefault ? input.DefaultValue : null;
    }

    // An Entur id is CODESPACE:Type:local; anything with a codespace separator is well formed (and simply unknown if not in the catalogue).
    private static bool IsEntityId(string id) => id.IndexOf(':', StringComparison.Ordinal) is > 0 && !id.EndsWith(':');

    private void FetchFailed(FieldGroup group, string reason) =>
        _errors.Add(new GraphQLError($"Exception while fetching data (/{group.Key}) : {reason}", [group.Field.Location], GraphQLError.DataFetchingException, [group.Key]));

    private void Count()
    {
        if (++_fields > MaxResultFields)
        {
            throw new ResponseTooLargeException(MaxResultFields);
        }
    }

    private List<FieldGroup> Children(string typeName, FieldGroup group) =>
        Collect(typeName, group.Fields.SelectMany(field => field.SelectionSet ?? []));

    // The spec's CollectFields: merge fields by response key, in first-seen order, through fragments and directives.
    private List<FieldGroup> Collect(string typeName, IEnumerable<Selection> selections)
    {
        List<FieldGroup> groups = [];
        var byKey = new Dictionary<string, FieldGroup>(StringComparer.Ordinal);
        CollectInto(typeName, selections, groups, byKey, new HashSet<string>(StringComparer.Ordinal));
        return groups;
    }

    private void CollectInto(string typeName, IEnumerable<Selection> selections, List<FieldGroup> groups, Dictionary<string, FieldGroup> byKey, HashSet<string> visited)
    {
        foreach (var selection in selections)
        {
            if (!Included(selection.Directives))
            {
                continue;
            }

            switch (selection)
            {
                case Field field:
                    if (!byKey.TryGetValue(field.ResponseKey, out var group))
                    {
                        group = new FieldGroup(field.ResponseKey, []);
                        byKey[field.ResponseKey] = group;
                        groups.Add(group);
                    }

                    group.Fields.Add(field);
                    break;
                case InlineFragment inline when inline.TypeCondition is null || inline.TypeCondition == typeName:
                    CollectInto(typeName, inline.SelectionSet, groups, byKey, visited);
                    break;
                case FragmentSpread spread when visited.Add(spread.Name) && _fragments.TryGetValue(spread.Name, out var fragment) && fragment.TypeCondition == typeName:
                    CollectInto(typeName, fragment.SelectionSet, groups, byKey, visited);
                    break;
            }
        }
    }

    private bool Included(IReadOnlyList<Directive> directives)
    {
        foreach (var directive in directives)
        {
            var condition = directive.Arguments.FirstOrDefault(argument => argument.Name == "if")?.Value;
            var truth = condition is null ? null : ValueCoercion.FromLiteral(condition, TypeRef.Named("Boolean", nonNull: true), _variables) as bool?;
            if ((directive.Name == "skip" && truth == true) || (directive.Name == "include" && truth != true))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record FieldGroup(string Key, List<Field> Fields)
    {
        public Field Field => Fields[0];
    }
}
