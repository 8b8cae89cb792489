using System.Globalization;
using System.Text.Json;
using Tributary.Replay.Entur.Network;

namespace Tributary.Replay.Entur.JourneyPlanner;

/// <summary>A variable whose JSON value does not fit its declared type: the server answers 400 <c>BadRequestError</c>.</summary>
internal sealed class VariableCoercionException(string message) : Exception(message);

/// <summary>
/// Turns argument literals and JSON variables into runtime values: <see cref="string"/> (String, ID, enum values),
/// <see cref="int"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="DateTimeOffset"/> (DateTime),
/// <see cref="DateOnly"/> (Date), <see cref="List{T}"/> of object and <see cref="Dictionary{TKey,TValue}"/> for
/// input objects; null for null.
/// </summary>
internal static class ValueCoercion
{
    /// <summary>Why a literal does not fit <paramref name="type"/>, or null when it does. Variables inside are checked elsewhere.</summary>
    public static string? LiteralProblem(Value value, TypeRef type)
    {
        switch (value)
        {
            case VariableValue:
                return null;
            case NullValue:
                return type.NonNull ? "must not be null" : null;
        }

        if (type.IsList)
        {
            return value is ListValue list
                ? list.Items.Select(item => LiteralProblem(item, type.OfType!)).FirstOrDefault(problem => problem is not null)
                : LiteralProblem(value, type.OfType!);
        }

        var definition = JourneyPlannerSchema.Find(type.Name!)!;
        switch (definition.Kind)
        {
            case TypeKind.Enum:
                return value is EnumValue named && definition.EnumValues.Contains(named.Name)
                    ? null
                    : value is EnumValue unknown
                        ? $"Expected enum literal value not in allowable values - '{Describe(unknown)}'."
                        : $"Expected enum literal value not in allowable values - '{Describe(value)}'.";
            case TypeKind.InputObject:
                if (value is not ObjectValue objectValue)
                {
                    return $"Expected an AST type of 'ObjectValue' but it was a '{KindOf(value)}'";
                }

                foreach (var field in objectValue.Fields)
                {
                    if (!definition.InputFields.TryGetValue(field.Name, out var input))
                    {
                        return $"contains a field not in '{definition.Name}': '{field.Name}'";
                    }

                    if (LiteralProblem(field.Value, input.Type) is { } problem)
                    {
                        return problem;
                    }
                }

                return null;
        }

        return (type.Name, value) switch
        {
            ("Int", IntValue i) => int.TryParse(i.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : "Expected value to be in the Integer range",
            ("Float", IntValue or FloatValue) => null,
            ("String", StringValue) => null,
            ("ID", StringValue or IntValue) => null,
            ("Boolean", BooleanValue) => null,
            ("DateTime", StringValue s) => OsloTime.TryParseDateTime(s.Text, out _) ? null : $"Expected type 'DateTime' but was '{s.Text}'.",
            ("Date", StringValue s) => TryParseDate(s.Text, out _) ? null : $"Expected type 'Date' but was '{s.Text}'.",
            ("Int", _) => $"Expected an AST type of 'IntValue' but it was a '{KindOf(value)}'",
            ("Float", _) => $"Expected an AST type of 'IntValue' or 'FloatValue' but it was a '{KindOf(value)}'",
            ("Boolean", _) => $"Expected an AST type of 'BooleanValue' but it was a '{KindOf(value)}'",
            _ => $"Expected an AST type of 'StringValue' but it was a '{KindOf(value)}'",
        };
    }

    /// <summary>The runtime value of a validated literal; a variable without a value yields <see cref="Absent"/>.</summary>
    public static object? FromLiteral(Value value, TypeRef type, IReadOnlyDictionary<string, object?> variables)
    {
        switch (value)
        {
            case VariableValue variable:
                return variables.TryGetValue(variable.Name, out var provided) ? Fit(provided, type) : Absent;
            case NullValue:
                return null;
        }

        if (type.IsList)
        {
            return value is ListValue list
                ? list.Items.Select(item => FromLiteral(item, type.OfType!, variables) is var v && v == Absent ? null : v).ToList()
                : new List<object?> { FromLiteral(value, type.OfType!, variables) is var single && single == Absent ? null : single };
        }

        var definition = JourneyPlannerSchema.Find(type.Name!)!;
        if (definition.Kind == TypeKind.InputObject)
        {
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var field in ((ObjectValue)value).Fields)
            {
                var fieldValue = FromLiteral(field.Value, definition.InputFields[field.Name].Type, variables);
                if (fieldValue != Absent) fields[field.Name] = fieldValue;
            }

            return fields;
        }

        return (type.Name, value) switch
        {
            (_, EnumValue e) => e.Name,
            ("Int", IntValue i) => int.Parse(i.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            ("Float", IntValue i) => double.Parse(i.Text, CultureInfo.InvariantCulture),
            ("Float", FloatValue f) => double.Parse(f.Text, NumberStyles.Float, CultureInfo.InvariantCulture),
            ("ID", IntValue i) => i.Text,
            ("Boolean", BooleanValue b) => b.Truth,
            ("DateTime", StringValue s) => OsloTime.TryParseDateTime(s.Text, out var instant) ? instant : null,
            ("Date", StringValue s) => TryParseDate(s.Text, out var date) ? date : null,
            (_, StringValue s) => s.Text,
            _ => null,
        };
    }

    /// <summary>Marks an argument whose variable was not provided: the argument's default applies, as if it were not given.</summary>
    public static object Absent { get; } = new();

    /// <summary>
    /// Coerces a variable's JSON value to its declared type.
    /// </summary>
    /// <exception cref="VariableCoercionException">With graphql-java's wording.</exception>
    public static object? FromJson(JsonElement element, TypeRef type, string variableName)
    {
        try
        {
            return Coerce(element, type, variableName, type);
        }
        catch (CoercionProblem problem)
        {
            throw new VariableCoercionException($"Variable '{variableName}' has an invalid value: {problem.Message}");
        }
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    // A variable declared [T] used where T is expected cannot pass validation; a single value passed for a list is wrapped.
    private static object? Fit(object? value, TypeRef type) =>
        type.IsList && value is not (null or List<object?>) ? new List<object?> { value } : value;

    private static object? Coerce(JsonElement element, TypeRef type, string variableName, TypeRef declared)
    {
        if (element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return type.NonNull
                ? throw new CoercionProblem($"Variable '{variableName}' has coerced Null value for NonNull type '{declared}'")
                : null;
        }

        if (type.IsList)
        {
            return element.ValueKind == JsonValueKind.Array
                ? element.EnumerateArray().Select(item => Coerce(item, type.OfType!, variableName, declared)).ToList()
                : new List<object?> { Coerce(element, type.OfType!, variableName, declared) };
        }

        var definition = JourneyPlannerSchema.Find(type.Name!)!;
        switch (definition.Kind)
        {
            case TypeKind.Enum:
                return element.ValueKind == JsonValueKind.String && definition.EnumValues.Contains(element.GetString()!)
                    ? element.GetString()
                    : throw new CoercionProblem($"Invalid input for enum '{definition.Name}'. No value found for name '{Text(element)}'");
            case TypeKind.InputObject:
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw new CoercionProblem($"Expected type 'Map' but was '{JavaClassOf(element)}'. Variables for input objects must be an instance of type 'Map'.");
                }

                var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!definition.InputFields.TryGetValue(property.Name, out var input))
                    {
                        throw new CoercionProblem($"The variables input contains a field name '{property.Name}' that is not defined for input object type '{definition.Name}' ");
                    }

                    fields[property.Name] = Coerce(property.Value, input.Type, variableName, declared);
                }

                return fields;
        }

        switch (type.Name)
        {
            case "Int":
                return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var integer)
                    ? integer
                    : throw new CoercionProblem($"Expected a value that can be converted to type 'Int' but it was a '{JavaClassOf(element)}'");
            case "Float":
                return element.ValueKind == JsonValueKind.Number
                    ? element.GetDouble()
                    : throw new CoercionProblem($"Expected a value that can be converted to type 'Float' but it was a '{JavaClassOf(element)}'");
            case "Boolean":
                return element.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? element.GetBoolean()
                    : throw new CoercionProblem($"Expected a Boolean input, but it was a '{JavaClassOf(element)}'");
            case "ID":
                return element.ValueKind == JsonValueKind.String ? element.GetString()
                    : element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out _) ? element.GetRawText()
                    : throw new CoercionProblem($"Expected a value that can be converted to type 'ID' but it was a '{JavaClassOf(element)}'");
            case "DateTime":
                return element.ValueKind == JsonValueKind.String && OsloTime.TryParseDateTime(element.GetString()!, out var instant)
                    ? instant
                    : throw new CoercionProblem($"Expected type 'DateTime' but was '{Text(element)}'.");
            case "Date":
                return element.ValueKind == JsonValueKind.String && TryParseDate(element.GetString()!, out var date)
                    ? date
                    : throw new CoercionProblem($"Expected type 'Date' but was '{Text(element)}'.");
            default:
                return element.ValueKind == JsonValueKind.String
                    ? element.GetString()
                    : throw new CoercionProblem($"Expected a String input, but it was a '{JavaClassOf(element)}'");
        }
    }

    private static string Text(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();

    // The Java class Jackson would have produced, which is what graphql-java names in its messages.
    private static string JavaClassOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "String",
        JsonValueKind.Number => element.TryGetInt32(out _) ? "Integer" : element.TryGetInt64(out _) ? "Long" : "Double",
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        JsonValueKind.Array => "ArrayList",
        JsonValueKind.Object => "LinkedHashMap",
        _ => "null",
    };

    private static string KindOf(Value value) => value switch
    {
        IntValue => "IntValue",
        FloatValue => "FloatValue",
        StringValue => "StringValue",
        BooleanValue => "BooleanValue",
        NullValue => "NullValue",
        EnumValue => "EnumValue",
        ListValue => "ArrayValue",
        ObjectValue => "ObjectValue",
        _ => "VariableReference",
    };

    /// <summary>graphql-java's <c>toString()</c> of an AST value, as its validation messages quote it.</summary>
    public static string Describe(Value value) => value switch
    {
        IntValue i => $"IntValue{{value={i.Text}}}",
        FloatValue f => $"FloatValue{{value={f.Text}}}",
        StringValue s => $"StringValue{{value='{s.Text}'}}",
        BooleanValue b => $"BooleanValue{{value={(b.Truth ? "true" : "false")}}}",
        NullValue => "NullValue{}",
        EnumValue e => $"EnumValue{{name='{e.Name}'}}",
        ListValue l => $"ArrayValue{{values=[{string.Join(", ", l.Items.Select(Describe))}]}}",
        ObjectValue o => $"ObjectValue{{objectFields=[{string.Join(", ", o.Fields.Select(f => $"ObjectField{{name='{f.Name}', value={Describe(f.Value)}}}"))}]}}",
        VariableValue v => $"VariableReference{{name='{v.Name}'}}",
        _ => value.ToString()!,
    };

    private sealed class CoercionProblem(string message) : Exception(message);
}
