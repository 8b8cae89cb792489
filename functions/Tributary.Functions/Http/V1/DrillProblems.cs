using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Landing;
using Tributary.Query;
using Tributary.Query.Raw;

namespace Tributary.Functions.Http.V1;

/// <summary>
/// The problem+json answers of the drill-down, sources status and quality routes: a bad parameter 400, something
/// unknown 404, each naming the parameter; a payload over the size limit 413 naming the limit; a disabled source 409.
/// A raw page whose bytes no longer match its hash is the one 500: stored data is damaged, the request is not at fault.
/// </summary>
internal static class DrillProblems
{
    public static ProblemHttpResult? From(Exception ex) => ex switch
    {
        KpiQueryException q => ApiProblems.InvalidParameter(q.Parameter, q.Message),
        QueryNotFoundException n => ApiProblems.Problem(StatusCodes.Status404NotFound, $"Unknown {n.Parameter}", n.Message, n.Parameter),
        RawPayloadTooLargeException l => TypedResults.Problem(title: "Raw payload too large", detail: l.Message, statusCode: StatusCodes.Status413PayloadTooLarge,
            extensions: new Dictionary<string, object?> { ["parameter"] = "blob", ["limit"] = l.Limit }),
        RawPayloadIntegrityException i => ApiProblems.Problem(StatusCodes.Status500InternalServerError, "Raw payload failed its integrity check",
            $"The stored bytes of '{i.BlobName}' do not match the SHA-256 it was landed with; it is not served.", "blob"),
        SourceDisabledException d => ApiProblems.Problem(StatusCodes.Status409Conflict, "Source disabled", d.Message, "source"),
        _ => ApiProblems.From(ex),
    };
}
