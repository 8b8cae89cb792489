using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Backfill;
using Tributary.Sources;

namespace Tributary.Functions.BackfillAdmin;

/// <summary>
/// HTTP <c>POST /api/admin/backfill/{source}?from=&amp;to=</c> queues a backfill (202 with its chunks);
/// <c>GET</c> with the same parameters reports its progress. Admin only: the function needs a function key in Azure.
/// </summary>
public static class BackfillAdminFunction
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/admin/backfill/{source}", StartAsync)
            .WithName("StartBackfill").WithSummary("Queue a backfill of a source over [from, to)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/admin/backfill/{source}", StatusAsync)
            .WithName("GetBackfill").WithSummary("Progress of a backfill of a source over [from, to)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Accepted<BackfillStatus>, ProblemHttpResult>> StartAsync(
        HttpContext http, BackfillService backfill, string source, string? from, string? to)
    {
        try
        {
            var (start, end) = (Parse(from, "from"), Parse(to, "to"));
            await backfill.EnqueueAsync(source, start, end, http.RequestAborted);
            var status = await backfill.StatusAsync(source, start, end, http.RequestAborted);
            return TypedResults.Accepted($"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}", status);
        }
        catch (Exception ex) when (Problem(ex) is { } problem)
        {
            return problem;
        }
    }

    private static async Task<Results<Ok<BackfillStatus>, ProblemHttpResult>> StatusAsync(
        HttpContext http, BackfillService backfill, string source, string? from, string? to)
    {
        try
        {
            return TypedResults.Ok(await backfill.StatusAsync(source, Parse(from, "from"), Parse(to, "to"), http.RequestAborted));
        }
        catch (Exception ex) when (Problem(ex) is { } problem)
        {
            return problem;
        }
    }

    private static ProblemHttpResult? Problem(Exception ex) => ex switch
    {
        BackfillException b => TypedResults.Problem(title: $"Invalid parameter '{b.Parameter}'", detail: b.Message, statusCode: 400),
        UnknownSourceException u => TypedResults.Problem(title: "Unknown source", detail: u.Message, statusCode: 404),
        _ => null,
    };

    private static DateTimeOffset Parse(string? text, string parameter) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw new BackfillException(parameter, $"'{parameter}' is required as an ISO-8601 date or date-time (e.g. 2026-11-01T00:00:00Z), not '{text}'.");
}
