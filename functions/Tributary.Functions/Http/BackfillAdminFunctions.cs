using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Backfill;
using Tributary.Functions.Http.Security;
using Tributary.Functions.OpenApi;

namespace Tributary.Functions.Http;

/// <summary>
/// HTTP <c>POST /api/admin/backfill/{source}?from=&amp;to=</c> queues a backfill (202 with its chunks);
/// <c>GET</c> with the same parameters reports its progress. Admin only: the worker's admin gate lets them run
/// for an admin key or a bearer token with the admin role (see <see cref="AdminGate"/>).
/// </summary>
public sealed class BackfillAdminFunctions(BackfillService backfill)
{
    private const string Route = "admin/backfill/{source}";

    [Function("StartBackfill")]
    [AdminOperation]
    [OpenApiOperation("StartBackfill", "Queue a backfill of a source over [from, to)", Tag = "admin",
        Description = "Splits the range into chunks on the backfill queue; each chunk fetches within the source's rate budget. Idempotent: queuing the same range again re-runs chunks that leave the tables unchanged.")]
    [OpenApiQuery("from", "Inclusive start, ISO-8601 (UTC when no offset).", Required = true, Format = "date-time")]
    [OpenApiQuery("to", "Exclusive end, ISO-8601 (UTC when no offset).", Required = true, Format = "date-time")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid, or the source cannot be backfilled; the problem says which.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id.")]
    public async Task<Results<Accepted<BackfillStatus>, ProblemHttpResult>> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, string source)
    {
        try
        {
            var (from, to) = (Required(request, "from"), Required(request, "to"));
            await backfill.EnqueueAsync(source, from, to, request.HttpContext.RequestAborted);
            var status = await backfill.StatusAsync(source, from, to, request.HttpContext.RequestAborted);
            return TypedResults.Accepted($"{request.PathBase}{request.Path}{request.QueryString}", status);
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
    }

    [Function("GetBackfill")]
    [AdminOperation]
    [OpenApiOperation("GetBackfill", "Progress of a backfill of a source over [from, to)", Tag = "admin")]
    [OpenApiQuery("from", "Inclusive start, ISO-8601 (UTC when no offset).", Required = true, Format = "date-time")]
    [OpenApiQuery("to", "Exclusive end, ISO-8601 (UTC when no offset).", Required = true, Format = "date-time")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid; the problem names it.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id.")]
    public async Task<Results<Ok<BackfillStatus>, ProblemHttpResult>> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request, string source)
    {
        try
        {
            return TypedResults.Ok(await backfill.StatusAsync(source, Required(request, "from"), Required(request, "to"), request.HttpContext.RequestAborted));
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
    }

    private static DateTimeOffset Required(HttpRequest request, string parameter) =>
        QueryValues.TryInstant(request, parameter, out var value) && value is { } instant
            ? instant
            : throw new BackfillException(parameter, $"'{parameter}' is required as an ISO-8601 date or date-time (e.g. 2026-11-01T00:00:00Z), not '{QueryValues.Text(request, parameter)}'.");
}
