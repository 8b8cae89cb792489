using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Functions.Http.Security;
using Tributary.Functions.OpenApi;
using Tributary.Replay;

namespace Tributary.Functions.Http;

/// <summary>
/// HTTP <c>POST /api/admin/replay/{source}?from=&amp;to=</c> re-curates a source's landed raw pages of those UTC days
/// (202 with the replay's status and its Location; 200 with the existing one when the same replay was asked for
/// before); <c>GET /api/admin/replay/{source}/{id}</c> reports its progress. Admin only: both pass the worker's admin gate (an admin key or an admin token).
/// </summary>
public sealed class ReplayAdminFunctions(RawReplayService replay)
{
    private const string Route = "admin/replay/{source}";

    [Function("StartReplay")]
    [AdminOperation]
    [OpenApiOperation("StartReplay", "Re-curate a source's landed raw pages of the UTC days [from, to]", Tag = "admin",
        Description = "Queues each landed raw blob of those days on the curate queue again, without calling the vendor; curation and aggregation " +
                      "follow as usual. Idempotent: the replay id comes from the range and generation, so asking again joins the same replay (200). " +
                      "To run a range again after a mapper or KPI change, pass force=true (the next generation) or an explicit generation.")]
    [OpenApiQuery("from", "First UTC day, yyyy-MM-dd.", Required = true, Format = "date", Example = "2026-11-20")]
    [OpenApiQuery("to", "Last UTC day, included, yyyy-MM-dd; at most 366 days from 'from'.", Required = true, Format = "date", Example = "2026-11-22")]
    [OpenApiQuery("generation", "Which run of the range (1 unless given); the same generation is the same replay.", Example = "2")]
    [OpenApiQuery("force", "true: start the generation after the latest finished one (or join the latest while it runs).", Example = "true")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "A parameter is invalid; the problem names it.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id.")]
    public async Task<Results<Accepted<RawReplayStatus>, Ok<RawReplayStatus>, ProblemHttpResult>> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request, string source)
    {
        try
        {
            var asked = RawReplayRequest.Parse(source, QueryValues.Text(request, "from"), QueryValues.Text(request, "to"),
                QueryValues.Text(request, "generation"), QueryValues.Text(request, "force"));
            var outcome = await replay.StartAsync(asked, request.HttpContext.RequestAborted);
            return outcome.Started
                ? TypedResults.Accepted($"{request.PathBase}{request.Path.Value!.TrimEnd('/')}/{outcome.Status.Id}", outcome.Status)
                : TypedResults.Ok(outcome.Status);
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
    }

    [Function("GetReplay")]
    [AdminOperation]
    [OpenApiOperation("GetReplay", "Progress of a replay: days done, blobs queued and skipped", Tag = "admin")]
    [OpenApiProblem(StatusCodes.Status400BadRequest, "The id is not a replay id; the problem names it.")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id, or the source has no such replay.")]
    public async Task<Results<Ok<RawReplayStatus>, ProblemHttpResult>> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/{id}")] HttpRequest request, string source, string id)
    {
        try
        {
            return await replay.StatusAsync(source, id, request.HttpContext.RequestAborted) is { } status
                ? TypedResults.Ok(status)
                : ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown replay", $"Source '{source}' has no replay '{id}'.", "id");
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
    }
}
