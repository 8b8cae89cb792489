using System.Globalization;
using System.Text;

namespace Tributary.Replay.Entur.JourneyPlanner;

/// <summary>A query that is not GraphQL; reported like graphql-java's <c>InvalidSyntax</c> (HTTP 200 with <c>errors</c>).</summary>
internal sealed class GraphQLSyntaxException(string message, SourceLocation location) : Exception(message)
{
    public SourceLocation Location { get; } = location;
}

/// <summary>
/// Reads an executable GraphQL document (operations, fragments, variables with defaults, arguments, directives,
/// aliases; October 2021 spec grammar). It parses only: what the fields mean is for <see cref="QueryValidator"/>.
/// </summary>
internal sealed class GraphQLParser
{
    /// <summary>Deeper nesting than any real query; refused instead of risking the stack.</summary>
    public const int MaxDepth = 64;

    private readonly string _text;
    private int _depth;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private Token _token;

    private GraphQLParser(string text)
    {
        _text = text;
        _token = Next();
    }

    /// <exception cref="GraphQLSyntaxException">The text is not an executable document.</exception>
    public static QueryDocument Parse(string text)
    {
        var parser = new GraphQLParser(text);
        List<Operation> operations = [];
        List<FragmentDefinition> fragments = [];
        do
        {
            if (parser.Peek(TokenKind.Punctuator, "{"))
            {
                var location = parser._token.Location;
                operations.Add(new Operation("query", null, [], parser.ParseSelectionSet(), location));
            }
            else if (parser.Peek(TokenKind.Name, "fragment"))
            {
                fragments.Add(parser.ParseFragmentDefinition());
            }
            else if (parser.Peek(TokenKind.Name, "query") || parser.Peek(TokenKind.Name, "mutation") || parser.Peek(TokenKind.Name, "subscription"))
            {
                operations.Add(parser.ParseOperation());
            }
            else
            {
                throw parser.Unexpected();
            }
        }
        while (parser._token.Kind != TokenKind.End);

        return new QueryDocument(operations, fragments);
    }

    private Operation ParseOperation()
    {
        var location = _token.Location;
        var kind = Advance().Text;
        string? name = _token.Kind == TokenKind.Name ? Advance().Text : null;
        List<VariableDefinition> variables = [];
        if (Skip("("))
        {
            do
            {
                var variableLocation = _token.Location;
                Expect("$");
                var variableName = ExpectName();
                Expect(":");
                var type = ParseType();
                var defaultValue = Skip("=") ? ParseValue(constant: true) : null;
                variables.Add(new VariableDefinition(variableName, type, defaultValue, variableLocation));
                ParseDirectives();
            }
            while (!Skip(")"));
        }

        ParseDirectives();
        return new Operation(kind, name, variables, ParseSelectionSet(), location);
    }

    private FragmentDefinition ParseFragmentDefinition()
    {
        var location = Advance().Location;
        if (Peek(TokenKind.Name, "on"))
        {
            throw Unexpected();
        }

        var name = ExpectName();
        if (!Peek(TokenKind.Name, "on"))
        {
            throw Unexpected();
        }

        Advance();
        var typeCondition = ExpectName();
        ParseDirectives();
        return new FragmentDefinition(name, typeCondition, ParseSelectionSet(), location);
    }

    private List<Selection> ParseSelectionSet()
    {
        var location = _token.Location;
        Expect("{");
        Enter(location);
        List<Selection> selections = [];
        do
        {
            selections.Add(ParseSelection());
        }
        while (!Skip("}"));

        _depth--;
        return selections;
    }

    private void Enter(SourceLocation location)
    {
        if (++_depth > MaxDepth)
        {
            throw new GraphQLSyntaxException(string.Create(CultureInfo.InvariantCulture, $"Invalid syntax: the query is nested more than {MaxDepth} levels deep at line {location.Line} column {location.Column}"), location);
        }
    }

    private Selection ParseSelection()
    {
        var location = _token.Location;
        if (Skip("..."))
        {
            if (_token.Kind == TokenKind.Name && _token.Text != "on")
            {
                var name = ExpectName();
                return new FragmentSpread(name, ParseDirectives(), location);
            }

            string? typeCondition = null;
            if (Peek(TokenKind.Name, "on"))
            {
                Advance();
                typeCondition = ExpectName();
            }

            var directives = ParseDirectives();
            return new InlineFragment(typeCondition, directives, ParseSelectionSet(), location);
        }

        var nameOrAlias = ExpectName();
        string? alias = null;
        var fieldName = nameOrAlias;
        if (Skip(":"))
        {
            alias = nameOrAlias;
            fieldName = ExpectName();
        }

        var arguments = ParseArguments(constant: false);
        var fieldDirectives = ParseDirectives();
        var selectionSet = Peek(TokenKind.Punctuator, "{") ? ParseSelectionSet() : null;
        return new Field(alias, fieldName, arguments, fieldDirectives, selectionSet, location);
    }

    private List<Argument> ParseArguments(bool constant)
    {
        List<Argument> arguments = [];
        if (!Skip("("))
        {
            return arguments;
        }

        do
        {
            var location = _token.Location;
            var name = ExpectName();
            Expect(":");
            arguments.Add(new Argument(name, ParseValue(constant), location));
        }
        while (!Skip(")"));

        return arguments;
    }

    private List<Directive> ParseDirectives()
    {
        List<Directive> directives = [];
        while (Peek(TokenKind.Punctuator, "@"))
        {
            var location = Advance().Location;
            directives.Add(new Directive(ExpectName(), ParseArguments(constant: false), location));
        }

        return directives;
    }

    private TypeRef ParseType()
    {
        TypeRef type;
        var location = _token.Location;
        if (Skip("["))
        {
            Enter(location);
            var item = ParseType();
            Expect("]");
            _depth--;
            type = TypeRef.ListOf(item);
        }
        else
        {
            type = TypeRef.Named(ExpectName());
        }

        return Skip("!") ? type with { NonNull = true } : type;
    }

    private Value ParseValue(bool constant)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.Punctuator when token.Text == "$" && !constant:
                Advance();
                return new VariableValue(ExpectName(), token.Location);
            case TokenKind.Punctuator when token.Text == "[":
                Advance();
                Enter(token.Location);
                List<Value> items = [];
                while (!Skip("]"))
                {
                    items.Add(ParseValue(constant));
                }

                _depth--;
                return new ListValue(items, token.Location);
            case TokenKind.Punctuator when token.Text == "{":
                Advance();
                Enter(token.Location);
                List<Argument> fields = [];
                while (!Skip("}"))
                {
                    var location = _token.Location;
                    var name = ExpectName();
                    Expect(":");
                    fields.Add(new Argument(name, ParseValue(constant), location));
                }

                _depth--;
                return new ObjectValue(fields, token.Location);
            case TokenKind.Int:
                Advance();
                return new IntValue(token.Text, token.Location);
            case TokenKind.Float:
                Advance();
                return new FloatValue(token.Text, token.Location);
            case TokenKind.String:
                Advance();
                return new StringValue(token.Text, token.Location);
            case TokenKind.Name:
                Advance();
                return token.Text switch
                {
                    "true" => new BooleanValue(true, token.Location),
                    "false" => new BooleanValue(false, token.Location),
                    "null" => new NullValue(token.Location),
                    _ => new EnumValue(token.Text, token.Location),
                };
            default:
                throw Unexpected();
        }
    }

    private bool Peek(TokenKind kind, string text) => _token.Kind == kind && _token.Text == text;

    private bool Skip(string punctuator)
    {
        if (!Peek(TokenKind.Punctuator, punctuator))
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Expect(string punctuator)
    {
        if (!Skip(punctuator))
        {
            throw Unexpected();
        }
    }

    private string ExpectName() => _token.Kind == TokenKind.Name ? Advance().Text : throw Unexpected();

    private Token Advance()
    {
        var current = _token;
        _token = Next();
        return current;
    }

    private GraphQLSyntaxException Unexpected() => Offending(_token.Kind == TokenKind.End ? "<EOF>" : _token.Raw, _token.Location);

    private static GraphQLSyntaxException Offending(string token, SourceLocation location) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Invalid syntax with offending token '{token}' at line {location.Line} column {location.Column}"), location);

    private Token Next()
    {
        SkipIgnored();
        var location = new SourceLocation(_line, _position - _lineStart + 1);
        if (_position >= _text.Length)
        {
            return new Token(TokenKind.End, string.Empty, string.Empty, location);
        }

        var start = _position;
        var c = _text[_position];
        if (c == '.')
        {
            if (string.CompareOrdinal(_text, _position, "...", 0, 3) == 0)
            {
                _position += 3;
                return new Token(TokenKind.Punctuator, "...", "...", location);
            }

            throw Offending(".", location);
        }

        if ("!$&()[]{}:=@|".Contains(c, StringComparison.Ordinal))
        {
            _position++;
            return new Token(TokenKind.Punctuator, c.ToString(), c.ToString(), location);
        }

        if (c == '_' || char.IsAsciiLetter(c))
        {
            while (_position < _text.Length && (_text[_position] == '_' || char.IsAsciiLetterOrDigit(_text[_position])))
            {
                _position++;
            }

            var name = _text[start.._position];
            return new Token(TokenKind.Name, name, name, location);
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ReadNumber(location);
        }

        if (c == '"')
        {
            return string.CompareOrdinal(_text, _position, "\"\"\"", 0, 3) == 0 ? ReadBlockString(location) : ReadString(location);
        }

        throw Offending(c.ToString(), location);
    }

    private Token ReadNumber(SourceLocation location)
    {
        var start = _position;
        if (_text[_position] == '-')
        {
            _position++;
        }

        var digits = ReadDigits();
        if (digits == 0 || (digits > 1 && _text[_position - digits] == '0'))
        {
            throw Offending(_text[start..Math.Min(_text.Length, _position + 1)], location);
        }

        var isFloat = false;
        if (_position < _text.Length && _text[_position] == '.')
        {
            isFloat = true;
            _position++;
            if (ReadDigits() == 0) throw Offending(_text[start.._position], location);
        }

        if (_position < _text.Length && _text[_position] is 'e' or 'E')
        {
            isFloat = true;
            _position++;
            if (_position < _text.Length && _text[_position] is '+' or '-') _position++;
            if (ReadDigits() == 0) throw Offending(_text[start.._position], location);
        }

        if (_position < _text.Length && (_text[_position] is '_' or '.' || char.IsAsciiLetter(_text[_position])))
        {
            throw Offending(_text[start..(_position + 1)], location);
        }

        var text = _text[start.._position];
        return new Token(isFloat ? TokenKind.Float : TokenKind.Int, text, text, location);
    }

    private int ReadDigits()
    {
        var start = _position;
        while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
        {
            _position++;
        }

        return _position - start;
    }

    private Token ReadString(SourceLocation location)
    {
        var start = _position++;
        var value = new StringBuilder();
        while (true)
        {
            if (_position >= _text.Length || _text[_position] is '\n' or '\r')
            {
                throw Offending(_text[start.._position], location);
            }

            var c = _text[_position++];
            if (c == '"')
            {
                return new Token(TokenKind.String, value.ToString(), _text[start.._position], location);
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (_position >= _text.Length) throw Offending(_text[start.._position], location);
            var escaped = _text[_position++];
            switch (escaped)
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case '/': value.Append('/'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'u' when _position + 4 <= _text.Length
                    && int.TryParse(_text.AsSpan(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    value.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw Offending(_text[start.._position], location);
            }
        }
    }

    private Token ReadBlockString(SourceLocation location)
    {
        var start = _position;
        _position += 3;
        var end = _text.IndexOf("\"\"\"", _position, StringComparison.Ordinal);
        while (end > 0 && _text[end - 1] == '\\')
        {
            end = _text.IndexOf("\"\"\"", end + 3, StringComparison.Ordinal);
        }

        if (end < 0)
        {
            throw Offending(_text[start..], location);
        }

        var raw = _text[_position..end].Replace("\\\"\"\"", "\"\"\"", StringComparison.Ordinal);
        for (var i = _position; i < end; i++)
        {
            if (_text[i] == '\n')
            {
                _line++;
                _lineStart = i + 1;
            }
        }

        _position = end + 3;
        return new Token(TokenKind.String, BlockStringValue(raw), _text[start.._position], location);
    }

    // The spec's BlockStringValue: drop the common indentation and leading/trailing blank lines.
    private static string BlockStringValue(string raw)
    {
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var indent = lines.Skip(1)
            .Where(line => line.Trim(' ', '\t').Length > 0)
            .Select(line => line.Length - line.TrimStart(' ', '\t').Length)
            .DefaultIfEmpty(0)
            .Min();
        for (var i = 1; i < lines.Length; i++)
        {
            lines[i] = lines[i].Length >= indent ? lines[i][indent..] : string.Empty;
        }

        var kept = lines.SkipWhile(line => line.Trim(' ', '\t').Length == 0).Reverse().SkipWhile(line => line.Trim(' ', '\t').Length == 0).Reverse();
        return string.Join('\n', kept);
    }

    private void SkipIgnored()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                _lineStart = _position;
            }
            else if (c == '\r')
            {
                _position++;
                if (_position < _text.Length && _text[_position] == '\n') _position++;
                _line++;
                _lineStart = _position;
            }
            else if (c is ' ' or '\t' or ',' or '\uFEFF')
            {
                _position++;
            }
            else if (c == '#')
            {
                while (_position < _text.Length && _text[_position] is not ('\n' or '\r'))
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private enum TokenKind
    {
        End,
        Punctuator,
        Name,
        Int,
        Float,
        String,
    }

    private readonly record struct Token(TokenKind Kind, string Text, string Raw, SourceLocation Location);
}
