using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Tributary.Functions.OpenApi;

/// <summary>
/// The interactive API reference: <c>GET /api/docs</c> is a small HTML page that loads Scalar's standalone bundle from
/// <c>GET /api/docs/scalar.js</c> (served from the Scalar.AspNetCore package, so nothing comes from a CDN) and points it
/// at <c>/api/openapi/v1.json</c>. Both are plain function routes, so they work behind any Functions host.
/// </summary>
public sealed class ReferencePageFunction(OpenApiDocumentGenerator generator)
{
    private const string ScriptResource = "ScalarStaticAssets.scalar.js";

    // The package ships the bundle gzip-compressed; it is read once and kept both ways.
    private static readonly Lazy<byte[]> Gzipped = new(() =>
    {
        using var stream = typeof(Scalar.AspNetCore.ScalarOptions).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Scalar.AspNetCore has no resource '{ScriptResource}'.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly Lazy<byte[]> Plain = new(() =>
    {
        using var gzip = new GZipStream(new MemoryStream(Gzipped.Value), CompressionMode.Decompress);
        using var copy = new MemoryStream();
        gzip.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly string ScriptVersion = typeof(Scalar.AspNetCore.ScalarOptions).Assembly.GetName().Version?.ToString() ?? "0";

    [Function("ReferencePage")]
    [OpenApiOperation("GetReferencePage", "The interactive API reference (HTML)", Tag = "operations",
        Description = "Scalar's API reference over /api/openapi/v1.json.")]
    [OpenApiResponse(StatusCodes.Status200OK, typeof(string), "The HTML page.", ContentType = "text/html")]
    public ContentHttpResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request)
    {
        var prefix = "/" + generator.RoutePrefix.Trim('/');
        var document = WebUtility.HtmlEncode($"{prefix.TrimEnd('/')}/openapi/{OpenApiDocumentGenerator.DocumentName}.json");
        var script = WebUtility.HtmlEncode($"{prefix.TrimEnd('/')}/docs/scalar.js?v={ScriptVersion}");
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Content($$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Tributary KPI API reference</title>
            </head>
            <body>
              <div id="app"></div>
              <script src="{{script}}"></script>
              <script>Scalar.createApiReference('#app', { url: '{{document}}' });</script>
            </body>
            </html>
            """, "text/html; charset=utf-8");
    }

    [Function("ReferenceScript")]
    [OpenApiOperation("GetReferenceScript", "Scalar's standalone script for the reference page", Tag = "operations")]
    [OpenApiResponse(StatusCodes.Status200OK, typeof(string), "The JavaScript bundle (gzip-encoded when the client accepts it).", ContentType = "text/javascript")]
    public FileContentHttpResult Script([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/scalar.js")] HttpRequest request)
    {
        var response = request.HttpContext.Response;
        // The URL carries the package version, so the bundle can be cached for long.
        response.Headers.CacheControl = "public, max-age=86400";
        response.Headers.Vary = "Accept-Encoding";
        if (request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.ContentEncoding = "gzip";
            return TypedResults.Bytes(Gzipped.Value, "text/javascript; charset=utf-8");
        }
        return TypedResults.Bytes(Plain.Value, "text/javascript; charset=utf-8");
    }
}
