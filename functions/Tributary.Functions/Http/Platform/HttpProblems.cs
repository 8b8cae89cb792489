using Microsoft.AspNetCore.Http;

namespace Tributary.Functions.Http.Platform;

/// <summary>Writes the platform's own problem+json answers (limits, rate limit, admin gate, failures) straight to a response.</summary>
internal static class HttpProblems
{
    public static Task WriteAsync(HttpContext http, int status, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        http.Response.StatusCode = status;
        return TypedResults.Problem(title: title, detail: detail, statusCode: status, extensions: extensions).ExecuteAsync(http);
    }
}
