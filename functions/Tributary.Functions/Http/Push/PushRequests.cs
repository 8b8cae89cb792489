using Tributary.Query;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Push;
using Tributary.Sources;
using Tributary.Sources.Secrets;

namespace Tributary.Functions.Http.Push;

/// <summary>What the upload and webhook routes share: the media type, the bounded body, and their problems.</summary>
internal static class PushRequests
{
    /// <summary>The request's media type, lower-case, when the source accepts it.</summary>
    /// <exception cref="PushRejectedException">415: another media type, or a charset other than UTF-8.</exception>
    public static string MediaType(HttpRequest request, IReadOnlyCollection<string> accepted)
    {
        var list = string.Join(", ", accepted);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) || parsed.MediaType is not { } type ||
            !accepted.Contains(type.ToLowerInvariant()))
        {
            throw UnsupportedMediaType($"The body must be {list}, with Content-Type saying so (it is '{QueryText.Shorten(request.ContentType ?? "")}').");
        }
        if (parsed.CharSet is { } charset && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            throw UnsupportedMediaType($"The body must be UTF-8 (Content-Type says charset '{QueryText.Shorten(charset)}').");
        }
        return type.ToLowerInvariant();
    }

    /// <summary>
    /// Reads the body, never more than <paramref name="limit"/> bytes: a declared Content-Length over it is refused
    /// before a byte is read, and a chunked body is cut off as soon as it passes it.
    /// </summary>
    /// <exception cref="PushRejectedException">413: the body is larger than the limit.</exception>
    public static async Task<byte[]> BodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) throw TooLarge(limit);
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) throw TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The problem for a refused push, or null when the exception is not one this route answers.</summary>
    public static ProblemHttpResult? Problem(Exception ex, string source, ILogger logger) => ex switch
    {
        PushRejectedException p => ApiProblems.Problem(p.Status, p.Title, p.Message, p.Parameter),
        UnknownSourceException => ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown source", $"No push source is called '{QueryText.Shorten(source)}'.", "source"),
        // The operator's problem, not the caller's: say which source, log which secret (its name, never a value).
        SecretNotFoundException s => NotConfigured(s, source, logger),
        _ => null,
    };

    private static ProblemHttpResult NotConfigured(SecretNotFoundException ex, string source, ILogger logger)
    {
        logger.LogError("Push source {Source} cannot authenticate requests: {Reason}", source, ex.Message);
        return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Source not ready", $"Source '{source}' cannot take deliveries now: its credentials are not configured.", "source");
    }

    private static PushRejectedException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Body too large", "body", $"The body is larger than {limit} bytes, the most this source accepts.");

    private static PushRejectedException UnsupportedMediaType(string detail) =>
        new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Content-Type", detail);
}
