using Tributary.Replay.Entur.Network;

namespace Tributary.Replay.Entur.JourneyPlanner;

internal enum TypeKind
{
    Scalar,
    Enum,
    Object,
    InputObject,
}

/// <summary>An argument or input field. <see cref="DefaultValue"/> is already a runtime value (see <see cref="ValueCoercion"/>).</summary>
internal sealed record InputValueDefinition(string Name, TypeRef Type, object? DefaultValue = null, bool HasDefault = false);

internal sealed record FieldDefinition(string Name, TypeRef Type, IReadOnlyDictionary<string, InputValueDefinition> Arguments);

internal sealed record TypeDefinition(
    string Name,
    TypeKind Kind,
    IReadOnlyDictionary<string, FieldDefinition> Fields,
    IReadOnlyList<string> EnumValues,
    IReadOnlyDictionary<string, InputValueDefinition> InputFields)
{
    public bool IsInputType => Kind is TypeKind.Scalar or TypeKind.Enum or TypeKind.InputObject;

    public bool IsLeaf => Kind is TypeKind.Scalar or TypeKind.Enum;
}

/// <summary>
/// The slice of Entur's Transmodel v3 schema the replay serves: departure boards (<c>stopPlace</c>, <c>stopPlaces</c>,
/// <c>stopPlacesByBbox</c>, <c>quay</c>) and what an <c>EstimatedCall</c> carries. Names, types, argument defaults
/// follow the published <c>schema.graphql</c>; fields outside the slice are "undefined" here.
/// </summary>
internal static class JourneyPlannerSchema
{
    public const string QueryTypeName = "QueryType";
    public const string TypeNameField = "__typename";

    private static readonly Dictionary<string, TypeDefinition> Types = Build();

    public static IReadOnlyDictionary<string, InputValueDefinition> DirectiveArguments { get; } = Inputs(new InputValueDefinition("if", TypeRef.Named("Boolean", nonNull: true)));

    public static TypeDefinition QueryType => Types[QueryTypeName];

    public static TypeDefinition? Find(string name) => Types.GetValueOrDefault(name);

    public static bool IsKnownDirective(string name) => name is "include" or "skip";

    private static Dictionary<string, TypeDefinition> Build()
    {
        var types = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);
        foreach (var scalar in new[] { "String", "ID", "Int", "Float", "Boolean", "DateTime", "Date" })
        {
            types[scalar] = new TypeDefinition(scalar, TypeKind.Scalar, Fields(), [], Inputs());
        }

        Enum(types, "ArrivalDeparture", ["arrivals", "departures", "both"]);
        Enum(types, "RealtimeState", ["scheduled", "updated", "canceled", "added", "modified"]);
        Enum(types, "TransportMode", [.. TransportModes.SchemaValues]);

        types["InputWhiteListed"] = new TypeDefinition("InputWhiteListed", TypeKind.InputObject, Fields(), [], Inputs(
            new InputValueDefinition("authorities", TypeRef.ListOf(TypeRef.Named("ID"))),
            new InputValueDefinition("lines", TypeRef.ListOf(TypeRef.Named("ID")))));

        Object(types, QueryTypeName,
            Field("stopPlace", TypeRef.Named("StopPlace"), new InputValueDefinition("id", TypeRef.Named("String", nonNull: true))),
            Field("stopPlaces", TypeRef.ListOf(TypeRef.Named("StopPlace"), nonNull: true), new InputValueDefinition("ids", TypeRef.ListOf(TypeRef.Named("String")))),
            Field("stopPlacesByBbox", TypeRef.ListOf(TypeRef.Named("StopPlace"), nonNull: true),
                new InputValueDefinition("minimumLatitude", TypeRef.Named("Float")),
                new InputValueDefinition("minimumLongitude", TypeRef.Named("Float")),
                new InputValueDefinition("maximumLatitude", TypeRef.Named("Float")),
                new InputValueDefinition("maximumLongitude", TypeRef.Named("Float")),
                new InputValueDefinition("filterByInUse", TypeRef.Named("Boolean"), false, HasDefault: true)),
            Field("quay", TypeRef.Named("Quay"), new InputValueDefinition("id", TypeRef.Named("String", nonNull: true))));

        Object(types, "StopPlace",
            Field("id", TypeRef.Named("ID", nonNull: true)),
            Field("name", TypeRef.Named("String", nonNull: true)),
            Field("latitude", TypeRef.Named("Float")),
            Field("longitude", TypeRef.Named("Float")),
            Field("transportMode", TypeRef.ListOf(TypeRef.Named("TransportMode"))),
            Field("quays", TypeRef.ListOf(TypeRef.Named("Quay")), new InputValueDefinition("filterByInUse", TypeRef.Named("Boolean"), false, HasDefault: true)),
            Field("estimatedCalls", TypeRef.ListOf(TypeRef.Named("EstimatedCall"), nonNull: true),
                new InputValueDefinition("startTime", TypeRef.Named("DateTime")),
                new InputValueDefinition("timeRange", TypeRef.Named("Int"), 86400, HasDefault: true),
                new InputValueDefinition("numberOfDepartures", TypeRef.Named("Int"), 5, HasDefault: true),
                new InputValueDefinition("numberOfDeparturesPerLineAndDestinationDisplay", TypeRef.Named("Int")),
                new InputValueDefinition("arrivalDeparture", TypeRef.Named("ArrivalDeparture"), "departures", HasDefault: true),
                new InputValueDefinition("whiteListed", TypeRef.Named("InputWhiteListed")),
                new InputValueDefinition("whiteListedModes", TypeRef.ListOf(TypeRef.Named("TransportMode"))),
                new InputValueDefinition("includeCancelledTrips", TypeRef.Named("Boolean"), false, HasDefault: true)));

        Object(types, "Quay",
            Field("id", TypeRef.Named("ID", nonNull: true)),
            Field("name", TypeRef.Named("String", nonNull: true)),
            Field("publicCode", TypeRef.Named("String")),
            Field("latitude", TypeRef.Named("Float")),
            Field("longitude", TypeRef.Named("Float")),
            Field("stopPlace", TypeRef.Named("StopPlace")));

        Object(types, "EstimatedCall",
            Field("aimedArrivalTime", TypeRef.Named("DateTime", nonNull: true)),
            Field("aimedDepartureTime", TypeRef.Named("DateTime", nonNull: true)),
            Field("expectedArrivalTime", TypeRef.Named("DateTime", nonNull: true)),
            Field("expectedDepartureTime", TypeRef.Named("DateTime", nonNull: true)),
            Field("actualArrivalTime", TypeRef.Named("DateTime")),
            Field("actualDepartureTime", TypeRef.Named("DateTime")),
            Field("realtime", TypeRef.Named("Boolean", nonNull: true)),
            Field("realtimeState", TypeRef.Named("RealtimeState", nonNull: true)),
            Field("cancellation", TypeRef.Named("Boolean", nonNull: true)),
            Field("predictionInaccurate", TypeRef.Named("Boolean", nonNull: true)),
            Field("date", TypeRef.Named("Date", nonNull: true)),
            Field("forBoarding", TypeRef.Named("Boolean", nonNull: true)),
            Field("forAlighting", TypeRef.Named("Boolean", nonNull: true)),
            Field("requestStop", TypeRef.Named("Boolean", nonNull: true)),
            Field("stopPositionInPattern", TypeRef.Named("Int", nonNull: true)),
            Field("quay", TypeRef.Named("Quay", nonNull: true)),
            Field("serviceJourney", TypeRef.Named("ServiceJourney", nonNull: true)),
            Field("destinationDisplay", TypeRef.Named("DestinationDisplay")));

        Object(types, "ServiceJourney",
            Field("id", TypeRef.Named("ID", nonNull: true)),
            Field("line", TypeRef.Named("Line", nonNull: true)),
            Field("transportMode", TypeRef.Named("TransportMode")));

        Object(types, "Line",
            Field("id", TypeRef.Named("ID", nonNull: true)),
            Field("publicCode", TypeRef.Named("String")),
            Field("name", TypeRef.Named("String")),
            Field("transportMode", TypeRef.Named("TransportMode")),
            Field("authority", TypeRef.Named("Authority")));

        Object(types, "Authority",
            Field("id", TypeRef.Named("ID", nonNull: true)),
            Field("name", TypeRef.Named("String", nonNull: true)),
            Field("url", TypeRef.Named("String")));

        Object(types, "DestinationDisplay",
            Field("frontText", TypeRef.Named("String")));

        return types;
    }

    private static void Enum(Dictionary<string, TypeDefinition> types, string name, IReadOnlyList<string> values) =>
        types[name] = new TypeDefinition(name, TypeKind.Enum, Fields(), values, Inputs());

    private static void Object(Dictionary<string, TypeDefinition> types, string name, params FieldDefinition[] fields) =>
        types[name] = new TypeDefinition(name, TypeKind.Object, Fields(fields), [], Inputs());

    private static FieldDefinition Field(string name, TypeRef type, params InputValueDefinition[] arguments) => new(name, type, Inputs(arguments));

    private static Dictionary<string, FieldDefinition> Fields(params FieldDefinition[] fields) =>
        fields.ToDictionary(field => field.Name, StringComparer.Ordinal);

    private static Dictionary<string, InputValueDefinition> Inputs(params InputValueDefinition[] inputs) =>
        inputs.ToDictionary(input => input.Name, StringComparer.Ordinal);
}
