using GraphQL;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Tributary.Replay.Entur.Network;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur.JourneyPlanner;

/// <summary>
/// The executable schema, schema-first: <c>schema.graphql</c> (our own slice of the Transmodel SDL) with resolvers for
/// the two fields that compute something; every other field reads the same-named property of the model records.
/// </summary>
internal sealed class JourneyPlannerSchema
{
    public JourneyPlannerSchema(EnturNetwork network, DepartureBoard board, ReplayClock clock)
    {
        using var sdl = new StreamReader(typeof(JourneyPlannerSchema).Assembly.GetManifestResourceStream("Tributary.Replay.Entur.JourneyPlanner.schema.graphql")!);
        Schema = GraphQL.Types.Schema.For(sdl.ReadToEnd(), builder =>
        {
            builder.Types.For("QueryType").FieldFor("stopPlace").Resolver = new FuncFieldResolver<StopPlace>(context =>
            {
                // An Entur id is CODESPACE:Type:local: a well-formed unknown one is null, anything else a field error.
                var id = context.GetArgument<string>("id");
                return id.IndexOf(':', StringComparison.Ordinal) > 0 && !id.EndsWith(':')
                    ? network.FindStopPlace(id)
                    : throw new ExecutionError($"Unable to parse id: '{id}'. Expected format: 'CODESPACE:Type:Id'");
            });
            builder.Types.For("StopPlace").FieldFor("estimatedCalls").Resolver = new FuncFieldResolver<StopPlace, IReadOnlyList<EstimatedCall>>(context =>
                board.Departures(context.Source, context.GetArgument<DateTimeOffset?>("startTime") ?? clock.UtcNow, context.GetArgument<int>("timeRange"),
                    context.GetArgument<int>("numberOfDepartures"), context.GetArgument<bool>("includeCancelledTrips"), clock.UtcNow));
        });
        Schema.RegisterType(new TextScalar("DateTime", text => OsloTime.TryParse(text, out var instant) ? instant : null, value => OsloTime.Format((DateTimeOffset)value)));
        Schema.RegisterType(new TextScalar("Date", text => DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date) ? date : null, value => ((DateOnly)value).ToString("yyyy-MM-dd")));
    }

    public ISchema Schema { get; }

    /// <summary>OTP's <c>extensions.classification</c> of an error, from the kind graphql-dotnet reports.</summary>
    public static string ClassificationOf(ExecutionError error) => error switch
    {
        SyntaxError => "InvalidSyntax",
        InvalidVariableError or InvalidOperationNameError => "BadRequestError",
        ValidationError => "ValidationError",
        InvalidOperationError => "OperationNotSupported",
        _ => "DataFetchingException",
    };

    /// <summary>A scalar written and read as text, in the vendor's format (Oslo offset times, ISO dates).</summary>
    private sealed class TextScalar : ScalarGraphType
    {
        private readonly Func<string, object?> _parse;
        private readonly Func<object, string> _format;

        public TextScalar(string name, Func<string, object?> parse, Func<object, string> format)
        {
            Name = name;
            (_parse, _format) = (parse, format);
        }

        public override object? ParseLiteral(GraphQLValue value) => value switch
        {
            GraphQLNullValue => null,
            GraphQLStringValue text => ParseValue((string)text.Value),
            _ => ThrowLiteralConversionError(value),
        };

        public override object? ParseValue(object? value) => value switch
        {
            null => null,
            string text when _parse(text) is { } parsed => parsed,
            _ => ThrowValueConversionError(value),
        };

        public override object? Serialize(object? value) => value is null ? null : _format(value);
    }
}

/// <summary>Errors carry only what OTP puts in <c>extensions</c>: the classification.</summary>
internal sealed class TransmodelErrorInfoProvider : ErrorInfoProvider
{
    public override ErrorInfo GetInfo(ExecutionError executionError) => new()
    {
        Message = executionError.Message,
        Extensions = new Dictionary<string, object?> { ["classification"] = JourneyPlannerSchema.ClassificationOf(executionError) },
    };
}
