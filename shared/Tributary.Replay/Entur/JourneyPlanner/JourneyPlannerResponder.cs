using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Tributary.Replay.Entur.Auth;
using Tributary.Replay.Hosting;

namespace Tributary.Replay.Entur.JourneyPlanner;

/// <summary>
/// Answers <c>POST /journey-planner/v3/graphql</c> in the order the real stack does: the gateway (client
/// identification, bearer token, quota and spike arrest, whose headers go on every later answer), then injected
/// faults, then OTP: GraphQL errors come inside a 200, except the request's own faults (variables that do not fit,
/// an unknown operation name, no query), which are 400 <c>BadRequestError</c>.
/// </summary>
internal sealed class JourneyPlannerResponder(
    [FromKeyedServices(EnturReplay.Vendor)] FaultSwitch faults, EnturRateLimiter limits, PartnerTokens tokens, JourneyPlannerSchema schema)
{
    public const string Route = "/journey-planner/v3/graphql";

    public const string MissingClientName =
        "Missing required header 'ET-Client-Name'. Identify your client as '<company>-<application>', see https://developer.entur.org/pages-intro-authentication";

    private static readonly GraphQLSerializer Serializer = new(options => options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, new TransmodelErrorInfoProvider());
    private static readonly DocumentExecuter Executer = new();

    public async Task RespondAsync(HttpContext context)
    {
        var clientName = context.Request.Headers["ET-Client-Name"].ToString().Trim();
        if (clientName.Length == 0)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, MissingClientName, "BadRequestError");
            return;
        }

        string? partner = null;
        if (context.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
        {
            (partner, var problem) = tokens.Check(authorization);
            if (partner is null)
            {
                context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{problem}\"";
                await VendorResponse.SendJsonAsync(context, StatusCodes.Status401Unauthorized, new { error = "invalid_token", error_description = problem });
                return;
            }
        }

        if (limits.Refusal(partner ?? clientName, partner is not null, context.Response) is { } refusal)
        {
            var code = refusal.StartsWith("Spike", StringComparison.Ordinal) ? "SpikeArrestViolation" : "QuotaViolation";
            await VendorResponse.SendJsonAsync(context, StatusCodes.Status429TooManyRequests,
                new { fault = new { faultstring = refusal, detail = new { errorcode = $"policies.ratelimit.{code}" } } });
            return;
        }

        var fault = faults.Take();
        if (fault is Fault.ServerError or Fault.Timeout422)
        {
            await (fault == Fault.ServerError
                ? ErrorAsync(context, StatusCodes.Status500InternalServerError, "java.lang.IllegalStateException: replay fault: server-error", "InternalServerError")
                : ErrorAsync(context, StatusCodes.Status422UnprocessableEntity, "TIMEOUT! The request is too resource intensive.", "ApiProcessingTimeout"));
            return;
        }

        await faults.DelayIfSlowAsync(fault, context.RequestAborted);
        if (!context.Request.HasJsonContentType())
        {
            await ErrorAsync(context, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json", "BadRequestError");
            return;
        }

        GraphQLRequest? request = null;
        try
        {
            request = await Serializer.ReadAsync<GraphQLRequest>(context.Request.Body, context.RequestAborted);
        }
        catch (JsonException)
        {
            // Unreadable JSON has no query either.
        }

        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "No query found in body", "BadRequestError");
            return;
        }

        var result = await Executer.ExecuteAsync(options =>
        {
            options.Schema = schema.Schema;
            options.Query = request.Query;
            options.Variables = request.Variables;
            options.OperationName = request.OperationName;
            options.CancellationToken = context.RequestAborted;
        });
        var badRequest = result.Errors?.Any(error => JourneyPlannerSchema.ClassificationOf(error) == "BadRequestError") == true;
        var body = System.Text.Encoding.UTF8.GetBytes(Serializer.Serialize(result));
        await VendorResponse.SendAsync(context, badRequest ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
            FaultSwitch.Distort(badRequest ? Fault.None : fault, body, ("expectedDepartureTime", "expectedDeparture")));
    }

    /// <summary>A request-level error: <c>{"errors":[{message, locations:[], extensions:{classification}}]}</c>, no data.</summary>
    private static Task ErrorAsync(HttpContext context, int status, string message, string classification) =>
        VendorResponse.SendJsonAsync(context, status, new { errors = new[] { new { message, locations = Array.Empty<object>(), extensions = new { classification } } } });
}
