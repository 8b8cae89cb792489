using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Backfill;
using Tributary.Landing;
using Tributary.Query;
using Tributary.Functions.Http.V1;
using Tributary.Query.Raw;
using Tributary.Replay;
using Tributary.Sources;

namespace Tributary.Functions.Http;

/// <summary>
/// The problem+json answers of every route, from the exceptions the pipeline's queries and services throw: a bad
/// parameter is 400 titled with its name (and carries it as <c>parameter</c>, for clients), something unknown 404
/// naming it, a raw payload over the size limit 413 naming the limit, a disabled source 409. A raw page whose bytes
/// no longer match its hash is the one 500: stored data is damaged, the request is not at fault.
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult? From(Exception ex) => ex switch
    {
        BackfillException b => InvalidParameter(b.Parameter, b.Message),
        RawReplayException r => InvalidParameter(r.Parameter, r.Message),
        UnknownSourceException u => Problem(StatusCodes.Status404NotFound, "Unknown source", u.Message, "source"),
        UnknownKpiException u => Problem(StatusCodes.Status404NotFound, $"Unknown KPI (parameter '{UnknownKpiException.Parameter}')", u.Message, UnknownKpiException.Parameter),
        KpiQueryException q => InvalidParameter(q.Parameter, q.Message),
        QueryNotFoundException n => Problem(StatusCodes.Status404NotFound, $"Unknown {n.Parameter}", n.Message, n.Parameter),
        RawPayloadTooLargeException l => TypedResults.Problem(title: "Raw payload too large", detail: l.Message, statusCode: StatusCodes.Status413PayloadTooLarge,
            extensions: new Dictionary<string, object?> { ["parameter"] = "blob", ["limit"] = l.Limit }),
        RawPayloadIntegrityException i => Problem(StatusCodes.Status500InternalServerError, "Raw payload failed its integrity check",
            $"The stored bytes of '{i.BlobName}' do not match the SHA-256 it was landed with; it is not served.", "blob"),
        SourceDisabledException d => Problem(StatusCodes.Status409Conflict, "Source disabled", d.Message, "source"),
        _ => null,
    };

    public static ProblemHttpResult InvalidParameter(string parameter, string detail) =>
        Problem(StatusCodes.Status400BadRequest, $"Invalid parameter '{parameter}'", detail, parameter);

    public static ProblemHttpResult Problem(int status, string title, string detail, string parameter) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
