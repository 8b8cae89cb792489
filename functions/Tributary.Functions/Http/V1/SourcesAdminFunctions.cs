using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Functions.Http.Security;
using Tributary.Functions.OpenApi;

namespace Tributary.Functions.Http.V1;

/// <summary><c>POST /api/v1/admin/sources/{source}/run</c>: runs a source's ingestion once now, as its timer would.</summary>
public sealed class SourcesAdminFunctions(SourcesRunNow runs)
{
    [Function("RunSourceNow")]
    [AdminOperation]
    [OpenApiOperation("RunSourceNow", "Run a source's ingestion once now", Tag = "admin",
        Description = "Queues the source's ingestion for the current minute, which runs through the timers' own path (fetch, land, run record, curate, " +
                      "aggregate), and answers 202 at once with the run id; the run appears in GET /api/v1/sources/{source}/runs. Asking again within the " +
                      "same minute is the same run (its pages are landed once).")]
    [OpenApiProblem(StatusCodes.Status404NotFound, "No source has that id.")]
    [OpenApiProblem(StatusCodes.Status409Conflict, "The source is disabled.")]
    public async Task<Results<Accepted<SourceRunAccepted>, ProblemHttpResult>> RunNowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/admin/sources/{source}/run")] HttpRequest request, string source)
    {
        try
        {
            var (runId, runTime) = await runs.QueueAsync(source, request.HttpContext.RequestAborted);
            var history = $"{request.PathBase}/api/v1/sources/{source}/runs";
            return TypedResults.Accepted(history, new SourceRunAccepted(source, runId, runTime, history));
        }
        catch (Exception ex) when (ApiProblems.From(ex) is { } problem)
        {
            return problem;
        }
    }
}
