namespace Tributary.Replay.Entur.JourneyPlanner;

/// <summary>1-based line and column of a token in the query text, as GraphQL errors report them.</summary>
internal readonly record struct SourceLocation(int Line, int Column);

/// <summary>A type reference: a named type, or a list of one (<see cref="OfType"/>), optionally non-null.</summary>
internal sealed record TypeRef(string? Name, TypeRef? OfType, bool NonNull)
{
    public static TypeRef Named(string name, bool nonNull = false) => new(name, null, nonNull);

    public static TypeRef ListOf(TypeRef item, bool nonNull = false) => new(null, item, nonNull);

    public bool IsList => OfType is not null;

    /// <summary>The innermost named type.</summary>
    public string BaseName => Name ?? OfType!.BaseName;

    public TypeRef Nullable() => this with { NonNull = false };

    public override string ToString() => (IsList ? $"[{OfType}]" : Name!) + (NonNull ? "!" : string.Empty);
}

internal abstract record Value(SourceLocation Location);

internal sealed record VariableValue(string Name, SourceLocation Location) : Value(Location);

internal sealed record IntValue(string Text, SourceLocation Location) : Value(Location);

internal sealed record FloatValue(string Text, SourceLocation Location) : Value(Location);

internal sealed record StringValue(string Text, SourceLocation Location) : Value(Location);

internal sealed record BooleanValue(bool Truth, SourceLocation Location) : Value(Location);

internal sealed record NullValue(SourceLocation Location) : Value(Location);

internal sealed record EnumValue(string Name, SourceLocation Location) : Value(Location);

internal sealed record ListValue(IReadOnlyList<Value> Items, SourceLocation Location) : Value(Location);

internal sealed record ObjectValue(IReadOnlyList<Argument> Fields, SourceLocation Location) : Value(Location);

internal sealed record Argument(string Name, Value Value, SourceLocation Location);

internal sealed record Directive(string Name, IReadOnlyList<Argument> Arguments, SourceLocation Location);

internal abstract record Selection(IReadOnlyList<Directive> Directives, SourceLocation Location);

internal sealed record Field(
    string? Alias,
    string Name,
    IReadOnlyList<Argument> Arguments,
    IReadOnlyList<Directive> Directives,
    IReadOnlyList<Selection>? SelectionSet,
    SourceLocation Location) : Selection(Directives, Location)
{
    public string ResponseKey => Alias ?? Name;
}

internal sealed record FragmentSpread(string Name, IReadOnlyList<Directive> Directives, SourceLocation Location) : Selection(Directives, Location);

internal sealed record InlineFragment(string? TypeCondition, IReadOnlyList<Directive> Directives, IReadOnlyList<Selection> SelectionSet, SourceLocation Location)
    : Selection(Directives, Location);

internal sealed record VariableDefinition(string Name, TypeRef Type, Value? DefaultValue, SourceLocation Location);

/// <summary>An operation: <c>query</c> (the only kind served), <c>mutation</c> or <c>subscription</c>.</summary>
internal sealed record Operation(string Kind, string? Name, IReadOnlyList<VariableDefinition> Variables, IReadOnlyList<Selection> SelectionSet, SourceLocation Location);

internal sealed record FragmentDefinition(string Name, string TypeCondition, IReadOnlyList<Selection> SelectionSet, SourceLocation Location);

internal sealed record QueryDocument(IReadOnlyList<Operation> Operations, IReadOnlyList<FragmentDefinition> Fragments);
