using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Backfill;
using Tributary.Replay;
using Tributary.Sources;

namespace Tributary.Functions.Http;

/// <summary>
/// The problem+json answers of every route: a bad parameter is 400 titled with its name (and carries it as
/// <c>parameter</c>, for clients), an unknown source 404 listing the known ones.
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult? From(Exception ex) => ex switch
    {
        BackfillException b => InvalidParameter(b.Parameter, b.Message),
        RawReplayException r => InvalidParameter(r.Parameter, r.Message),
        UnknownSourceException u => Problem(StatusCodes.Status404NotFound, "Unknown source", u.Message, "source"),
        _ => null,
    };

    public static ProblemHttpResult InvalidParameter(string parameter, string detail) =>
        Problem(StatusCodes.Status400BadRequest, $"Invalid parameter '{parameter}'", detail, parameter);

    public static ProblemHttpResult Problem(int status, string title, string detail, string parameter) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
