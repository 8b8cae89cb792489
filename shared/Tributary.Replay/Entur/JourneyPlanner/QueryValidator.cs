namespace Tributary.Replay.Entur.JourneyPlanner;

/// <summary>
/// The validation graphql-java runs before executing, for the schema slice: unknown fields, arguments, types and
/// directives, missing required arguments, sub-selections, literal types, variable definitions and usage, and
/// fragments. Errors are worded like graphql-java's (<c>Validation error (FieldUndefined@[stopPlace/foo]) : ...</c>).
/// </summary>
internal sealed class QueryValidator
{
    private const int MaxErrors = 25;

    private readonly QueryDocument _document;
    private readonly Dictionary<string, FragmentDefinition> _fragments;
    private readonly List<GraphQLError> _errors = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedFragments = new(StringComparer.Ordinal);

    private Dictionary<string, VariableDefinition> _variables = [];
    private HashSet<string> _usedVariables = [];

    private QueryValidator(QueryDocument document)
    {
        _document = document;
        _fragments = document.Fragments.GroupBy(fragment => fragment.Name, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
    }

    public static IReadOnlyList<GraphQLError> Validate(QueryDocument document)
    {
        var validator = new QueryValidator(document);
        validator.Run();
        return validator._errors.Count > MaxErrors ? validator._errors[..MaxErrors] : validator._errors;
    }

    private void Run()
    {
        if (_document.Operations.Count == 0)
        {
            Add(GraphQLError.Validation("ExecutableDefinitions", [], "No operation is defined in the document", new SourceLocation(1, 1)));
        }

        if (_document.Operations.Count > 1 && _document.Operations.Any(operation => operation.Name is null))
        {
            var anonymous = _document.Operations.First(operation => operation.Name is null);
            Add(GraphQLError.Validation("LoneAnonymousOperationViolation", [], "Operation <anonymous> is following anonymous operation.", anonymous.Location));
        }

        foreach (var operation in _document.Operations)
        {
            if (operation.Kind != "query")
            {
                Add(new GraphQLError($"Schema is not configured for {operation.Kind}s.", [operation.Location], GraphQLError.OperationNotSupported));
                continue;
            }

            _variables = new Dictionary<string, VariableDefinition>(StringComparer.Ordinal);
            _usedVariables = new HashSet<string>(StringComparer.Ordinal);
            foreach (var definition in operation.Variables)
            {
                CheckVariableDefinition(definition);
                _variables.TryAdd(definition.Name, definition);
            }

            WalkSelections(JourneyPlannerSchema.QueryType, operation.SelectionSet, [], new HashSet<string>(StringComparer.Ordinal));

            foreach (var definition in operation.Variables.Where(definition => !_usedVariables.Contains(definition.Name)))
            {
                Add(GraphQLError.Validation("UnusedVariable", [], $"Unused variable '{definition.Name}'", definition.Location));
            }
        }

        foreach (var fragment in _document.Fragments)
        {
            var type = JourneyPlannerSchema.Find(fragment.TypeCondition);
            if (type is null)
            {
                Add(GraphQLError.Validation("UnknownType", [], $"Unknown type '{fragment.TypeCondition}'", fragment.Location));
            }
            else if (type.Kind != TypeKind.Object)
            {
                Add(GraphQLError.Validation("FragmentTypeConditionInvalid", [], "Fragment type condition is invalid, must be on Object/Interface/Union", fragment.Location));
            }

            if (!_usedFragments.Contains(fragment.Name))
            {
                Add(GraphQLError.Validation("UnusedFragment", [], $"Unused fragment '{fragment.Name}'", fragment.Location));
            }
        }
    }

    private void CheckVariableDefinition(VariableDefinition definition)
    {
        var type = JourneyPlannerSchema.Find(definition.Type.BaseName);
        if (type is null)
        {
            Add(GraphQLError.Validation("UnknownType", [], $"Unknown type '{definition.Type.BaseName}'", definition.Location));
            return;
        }

        if (!type.IsInputType)
        {
            Add(GraphQLError.Validation("NonInputTypeOnVariable", [], $"Input variable '{definition.Name}' type '{definition.Type}' is not an input type", definition.Location));
            return;
        }

        if (definition.DefaultValue is { } defaultValue && ValueCoercion.LiteralProblem(defaultValue, definition.Type) is { } problem)
        {
            Add(GraphQLError.Validation("BadValueForDefaultArg", [], $"Bad default value '{ValueCoercion.Describe(defaultValue)}' for type '{definition.Type}' - {problem}", definition.Location));
        }
    }

    private void WalkSelections(TypeDefinition parent, IReadOnlyList<Selection> selections, List<string> path, HashSet<string> fragmentsInPath)
    {
        foreach (var selection in selections)
        {
            CheckDirectives(selection.Directives, path);
            switch (selection)
            {
                case Field field:
                    WalkField(parent, field, path, fragmentsInPath);
                    break;
                case InlineFragment inline:
                    if (inline.TypeCondition is { } condition && !CheckTypeCondition(parent, condition, null, inline.Location, path))
                    {
                        break;
                    }

                    WalkSelections(parent, inline.SelectionSet, path, fragmentsInPath);
                    break;
                case FragmentSpread spread:
                    _usedFragments.Add(spread.Name);
                    if (!_fragments.TryGetValue(spread.Name, out var fragment))
                    {
                        Add(GraphQLError.Validation("UndefinedFragment", path, $"Undefined fragment '{spread.Name}'", spread.Location));
                        break;
                    }

                    if (!fragmentsInPath.Add(spread.Name))
                    {
                        Add(GraphQLError.Validation("FragmentCycle", path, "Fragment cycles not allowed", spread.Location));
                        break;
                    }

                    if (CheckTypeCondition(parent, fragment.TypeCondition, fragment.Name, spread.Location, path))
                    {
                        WalkSelections(parent, fragment.SelectionSet, path, fragmentsInPath);
                    }

                    fragmentsInPath.Remove(spread.Name);
                    break;
            }
        }
    }

    private bool CheckTypeCondition(TypeDefinition parent, string condition, string? fragmentName, SourceLocation location, List<string> path)
    {
        if (JourneyPlannerSchema.Find(condition) is not { Kind: TypeKind.Object })
        {
            if (fragmentName is null)
            {
                Add(GraphQLError.Validation("UnknownType", path, $"Unknown type '{condition}'", location));
            }

            return false;
        }

        if (condition == parent.Name)
        {
            return true;
        }

        var subject = fragmentName is null ? "Inline fragment" : $"Fragment '{fragmentName}'";
        Add(GraphQLError.Validation("InvalidFragmentType", path, $"{subject} cannot be spread here as objects of type '{parent.Name}' can never be of type '{condition}'", location));
        return false;
    }

    private void WalkField(TypeDefinition parent, Field field, List<string> parentPath, HashSet<string> fragmentsInPath)
    {
        List<string> path = [.. parentPath, field.Name];
        if (field.Name == JourneyPlannerSchema.TypeNameField)
        {
            if (field.SelectionSet is not null)
            {
                Add(GraphQLError.Validation("SubselectionNotAllowed", path, $"Subselection not allowed on leaf type 'String!' of field '{field.Name}'", field.Location));
            }

            return;
        }

        if (!parent.Fields.TryGetValue(field.Name, out var definition))
        {
            Add(GraphQLError.Validation("FieldUndefined", path, $"Field '{field.Name}' in type '{parent.Name}' is undefined", field.Location));
            return;
        }

        CheckArguments(definition.Arguments, field.Arguments, path, field.Location, "field argument");

        var type = JourneyPlannerSchema.Find(definition.Type.BaseName)!;
        if (type.IsLeaf)
        {
            if (field.SelectionSet is not null)
            {
                Add(GraphQLError.Validation("SubselectionNotAllowed", path, $"Subselection not allowed on leaf type '{definition.Type}' of field '{field.Name}'", field.Location));
            }

            return;
        }

        if (field.SelectionSet is null)
        {
            Add(GraphQLError.Validation("SubselectionRequired", path, $"Subselection required for type '{definition.Type}' of field '{field.Name}'", field.Location));
            return;
        }

        WalkSelections(type, field.SelectionSet, path, fragmentsInPath);
    }

    private void CheckDirectives(IReadOnlyList<Directive> directives, List<string> path)
    {
        foreach (var directive in directives)
        {
            if (!JourneyPlannerSchema.IsKnownDirective(directive.Name))
            {
                Add(GraphQLError.Validation("UnknownDirective", path, $"Unknown directive '{directive.Name}'", directive.Location));
                continue;
            }

            CheckArguments(JourneyPlannerSchema.DirectiveArguments, directive.Arguments, path, directive.Location, "directive argument");
        }
    }

    private void CheckArguments(IReadOnlyDictionary<string, InputValueDefinition> definitions, IReadOnlyList<Argument> arguments, List<string> path, SourceLocation location, string what)
    {
        foreach (var argument in arguments)
        {
            if (!definitions.TryGetValue(argument.Name, out var definition))
            {
                Add(GraphQLError.Validation(what == "field argument" ? "UnknownArgument" : "UnknownDirective", path, $"Unknown {what} '{argument.Name}'", argument.Location));
                continue;
            }

            CheckVariableUsages(argument.Value, definition.Type, definition.HasDefault, path);
            if (ValueCoercion.LiteralProblem(argument.Value, definition.Type) is { } problem)
            {
                var description = problem == "must not be null"
                    ? $"argument '{argument.Name}' with value '{ValueCoercion.Describe(argument.Value)}' must not be null"
                    : $"argument '{argument.Name}' with value '{ValueCoercion.Describe(argument.Value)}' is not a valid '{definition.Type.BaseName}' - {problem}";
                Add(GraphQLError.Validation("WrongType", path, description, argument.Location));
            }
        }

        foreach (var required in definitions.Values.Where(definition => definition.Type.NonNull && !definition.HasDefault))
        {
            if (arguments.All(argument => argument.Name != required.Name))
            {
                var kind = what == "field argument" ? "MissingFieldArgument" : "MissingDirectiveArgument";
                Add(GraphQLError.Validation(kind, path, $"Missing {what} '{required.Name}'", location));
            }
        }
    }

    private void CheckVariableUsages(Value value, TypeRef expected, bool positionHasDefault, List<string> path)
    {
        switch (value)
        {
            case VariableValue variable:
                _usedVariables.Add(variable.Name);
                if (!_variables.TryGetValue(variable.Name, out var definition))
                {
                    Add(GraphQLError.Validation("UndefinedVariable", path, $"Undefined variable '{variable.Name}'", variable.Location));
                    return;
                }

                var declared = definition.Type;
                if (expected.NonNull && !declared.NonNull && (definition.DefaultValue is { } and not NullValue || positionHasDefault))
                {
                    declared = declared with { NonNull = true };
                }

                if (JourneyPlannerSchema.Find(declared.BaseName) is not null && !Fits(declared, expected))
                {
                    Add(GraphQLError.Validation("VariableTypeMismatch", path, $"Variable type '{definition.Type}' does not match expected type '{expected}'", variable.Location));
                }

                return;
            case ListValue list:
                foreach (var item in list.Items)
                {
                    CheckVariableUsages(item, expected.IsList ? expected.OfType! : expected, false, path);
                }

                return;
            case ObjectValue objectValue when JourneyPlannerSchema.Find(expected.BaseName) is { Kind: TypeKind.InputObject } inputType:
                foreach (var field in objectValue.Fields)
                {
                    if (inputType.InputFields.TryGetValue(field.Name, out var input))
                    {
                        CheckVariableUsages(field.Value, input.Type, input.HasDefault, path);
                    }
                }

                return;
        }
    }

    // The spec's AreTypesCompatible: a non-null variable fits a nullable position, not the other way round.
    private static bool Fits(TypeRef variable, TypeRef position)
    {
        if (position.NonNull)
        {
            return variable.NonNull && Fits(variable.Nullable(), position.Nullable());
        }

        if (variable.NonNull)
        {
            return Fits(variable.Nullable(), position);
        }

        if (position.IsList)
        {
            return variable.IsList && Fits(variable.OfType!, position.OfType!);
        }

        return !variable.IsList && variable.Name == position.Name;
    }

    private void Add(GraphQLError error)
    {
        var key = $"{error.Message}@{string.Join(';', error.Locations)}";
        if (_reported.Add(key))
        {
            _errors.Add(error);
        }
    }
}
