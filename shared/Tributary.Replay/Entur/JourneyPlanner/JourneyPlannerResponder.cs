using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Replay.Entur.Auth;
using Tributary.Replay.Entur.Network;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur.JourneyPlanner;

/// <summary>
/// Answers <c>POST /journey-planner/v3/graphql</c> in the order the real stack does: the gateway (client
/// identification, bearer token, quota and spike arrest, whose headers go on every later answer), then injected
/// faults, then OTP (body, syntax, validation, operation, variables, execution).
/// </summary>
internal sealed class JourneyPlannerResponder(
    ReplayClock clock,
    EnturFaultSwitch faults,
    EnturRateLimiter rateLimiter,
    TokenStore tokens,
    DepartureBoard board,
    IOptions<EnturOptions> options,
    ILogger<JourneyPlannerResponder> logger)
{
    public const string Route = "/journey-planner/v3/graphql";
    public const string ClientNameHeader = "ET-Client-Name";

    public const string MissingClientName =
        "Missing required header 'ET-Client-Name'. Identify your client as '<company>-<application>', see https://developer.entur.org/pages-intro-authentication";

    /// <summary>OTP's message for a query that ran out of time.</summary>
    public const string TimeoutMessage = "TIMEOUT! The request is too resource intensive.";

    public async Task RespondAsync(HttpContext context)
    {
        var clientName = context.Request.Headers[ClientNameHeader].ToString().Trim();
        if (clientName.Length == 0)
        {
            EnturLog.RequestRejected(logger, StatusCodes.Status400BadRequest, "no ET-Client-Name");
            await EnturJson.WriteErrorsAsync(context, StatusCodes.Status400BadRequest, [GraphQLError.Request(MissingClientName, GraphQLError.BadRequestError)]);
            return;
        }

        string? partner = null;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            var check = tokens.Check(authorization);
            if (!check.IsValid)
            {
                EnturLog.RequestRejected(logger, StatusCodes.Status401Unauthorized, check.Problem!);
                context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{check.Problem}\"";
                await EnturJson.WriteObjectAsync(context, StatusCodes.Status401Unauthorized, ("error", "invalid_token"), ("error_description", check.Problem!));
                return;
            }

            partner = check.ClientId;
        }

        var decision = rateLimiter.Admit(partner ?? clientName, partner is not null);
        decision.WriteHeaders(context.Response);
        if (decision.Verdict != RateVerdict.Allowed)
        {
            await RefuseRateAsync(context, decision, partner ?? clientName);
            return;
        }

        var fault = faults.Mode;
        switch (fault)
        {
            case EnturFault.ServerError:
                EnturLog.FaultServed(logger, EnturFaults.NameOf(fault));
                await EnturJson.WriteErrorsAsync(context, StatusCodes.Status500InternalServerError,
                    [GraphQLError.Request("java.lang.IllegalStateException: replay fault: server-error", GraphQLError.InternalServerError)]);
                return;
            case EnturFault.Timeout422:
                EnturLog.FaultServed(logger, EnturFaults.NameOf(fault));
                await EnturJson.WriteErrorsAsync(context, StatusCodes.Status422UnprocessableEntity, [GraphQLError.Request(TimeoutMessage, GraphQLError.ApiProcessingTimeout)]);
                return;
            case EnturFault.Slow:
                EnturLog.FaultServed(logger, EnturFaults.NameOf(fault));
                await Task.Delay(TimeSpan.FromSeconds(options.Value.SlowResponseSeconds), clock.Time, context.RequestAborted);
                break;
        }

        var (status, body) = await AnswerAsync(context, drift: fault == EnturFault.SchemaDrift);
        if (status == StatusCodes.Status200OK && fault is EnturFault.MalformedJson or EnturFault.SchemaDrift)
        {
            EnturLog.FaultServed(logger, EnturFaults.NameOf(fault));
            if (fault == EnturFault.MalformedJson)
            {
                body = body[..(body.Length / 2)];
            }
        }

        await EnturJson.WriteAsync(context, status, body);
    }

    private async Task<(int Status, ReadOnlyMemory<byte> Body)> AnswerAsync(HttpContext context, bool drift)
    {
        GraphQLRequest request;
        try
        {
            request = await GraphQLRequestReader.ReadAsync(context.Request, context.RequestAborted);
        }
        catch (GraphQLRequestException refused)
        {
            EnturLog.RequestRejected(logger, refused.StatusCode, refused.Message);
            return (refused.StatusCode, ErrorsBody(GraphQLError.Request(refused.Message, GraphQLError.BadRequestError)));
        }

        QueryDocument document;
        try
        {
            document = GraphQLParser.Parse(request.Query);
        }
        catch (GraphQLSyntaxException syntax)
        {
            return (StatusCodes.Status200OK, ErrorsBody(new GraphQLError(syntax.Message, [syntax.Location], GraphQLError.InvalidSyntax)));
        }

        var invalid = QueryValidator.Validate(document);
        if (invalid.Count > 0)
        {
            return (StatusCodes.Status200OK, ErrorsBody([.. invalid]));
        }

        var operation = SelectOperation(document, request.OperationName, out var unknownOperation);
        if (operation is null)
        {
            return (StatusCodes.Status400BadRequest, ErrorsBody(GraphQLError.Request(unknownOperation!, GraphQLError.BadRequestError)));
        }

        Dictionary<string, object?> variables;
        try
        {
            variables = CoerceVariables(operation, request.Variables);
        }
        catch (VariableCoercionException coercion)
        {
            EnturLog.RequestRejected(logger, StatusCodes.Status400BadRequest, coercion.Message);
            return (StatusCodes.Status400BadRequest, ErrorsBody(GraphQLError.Request(coercion.Message, GraphQLError.BadRequestError)));
        }

        try
        {
            var executor = new QueryExecutor(EnturNetwork.Instance, board, document, variables, clock.UtcNow, drift);
            return (StatusCodes.Status200OK, executor.Execute(operation));
        }
        catch (ResponseTooLargeException tooLarge)
        {
            return (StatusCodes.Status422UnprocessableEntity, ErrorsBody(GraphQLError.Request(tooLarge.Message, GraphQLError.ResponseTooLarge)));
        }
    }

    private static Operation? SelectOperation(QueryDocument document, string? operationName, out string? problem)
    {
        problem = null;
        if (operationName is not null)
        {
            var named = document.Operations.FirstOrDefault(operation => operation.Name == operationName);
            problem = named is null ? $"Unknown operation named '{operationName}'." : null;
            return named;
        }

        if (document.Operations.Count == 1)
        {
            return document.Operations[0];
        }

        problem = "Must provide operation name if query contains multiple operations.";
        return null;
    }

    private static Dictionary<string, object?> CoerceVariables(Operation operation, JsonElement? given)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.Variables)
        {
            if (given is { } json && json.TryGetProperty(definition.Name, out var value))
            {
                values[definition.Name] = ValueCoercion.FromJson(value, definition.Type, definition.Name);
            }
            else if (definition.DefaultValue is { } defaultValue)
            {
                values[definition.Name] = ValueCoercion.FromLiteral(defaultValue, definition.Type, values);
            }
            else if (definition.Type.NonNull)
            {
                throw new VariableCoercionException(
                    $"Variable '{definition.Name}' has an invalid value: Variable '{definition.Name}' has coerced Null value for NonNull type '{definition.Type}'");
            }
        }

        return values;
    }

    private Task RefuseRateAsync(HttpContext context, RateDecision decision, string client)
    {
        var spike = decision.Verdict == RateVerdict.SpikeArrest;
        EnturLog.RateLimited(logger, client, spike ? "spike arrest" : "quota");
        var body = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(body, EnturJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("fault");
            json.WriteString("faultstring", spike
                ? $"Spike arrest violation. Allowed rate : {decision.SpikeAllowed} per second"
                : $"Rate limit quota violation. Quota limit exceeded. Identifier : {client}");
            json.WriteStartObject("detail");
            json.WriteString("errorcode", spike ? "policies.ratelimit.SpikeArrestViolation" : "policies.ratelimit.QuotaViolation");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return EnturJson.WriteAsync(context, StatusCodes.Status429TooManyRequests, body.WrittenMemory);
    }

    private static ReadOnlyMemory<byte> ErrorsBody(params GraphQLError[] errors)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, EnturJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WritePropertyName("errors");
            EnturJson.WriteErrors(json, errors);
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }
}
