using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Tributary.LocalHost.Http;

/// <summary>
/// Serves the dashboard as Static Web Apps does in Azure: compressed. The web build writes <c>.br</c> and <c>.gz</c>
/// copies beside each text asset (web/scripts/precompress.mjs); for a GET or HEAD of such an asset this sends the
/// smallest copy the client's <c>Accept-Encoding</c> allows, with the original's media type, <c>Content-Encoding</c>
/// and <c>Vary</c>. Fingerprinted files under <c>assets/</c> never change, so they may be cached for a year; the
/// page itself is revalidated, so a new build is seen at once.
/// </summary>
public static class PrecompressedStaticFiles
{
    private static readonly (string Coding, string Suffix)[] Codings = [("br", ".br"), ("gzip", ".gz")];
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static void Use(WebApplication app, IFileProvider files)
    {
        // After the default-files step, so "/" is already "/index.html" here.
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && path is not null &&
                !request.Path.StartsWithSegments("/api") && Types.TryGetContentType(path, out _))
            {
                var copies = Codings.Where(c => files.GetFileInfo(path + c.Suffix).Exists).ToList();
                if (copies.Count > 0)
                {
                    // The answer depends on Accept-Encoding whichever copy is sent, identity included.
                    context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
                    var accepted = request.GetTypedHeaders().AcceptEncoding;
                    if (copies.FirstOrDefault(c => Accepts(accepted, c.Coding)) is { Coding: not null } chosen)
                    {
                        context.Response.Headers.ContentEncoding = chosen.Coding;
                        request.Path = path + chosen.Suffix;
                    }
                }
            }
            await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new OriginalContentType(),
            OnPrepareResponse = prepared =>
            {
                var path = prepared.Context.Request.Path.Value ?? "";
                prepared.Context.Response.Headers.CacheControl = path.StartsWith("/assets/", StringComparison.Ordinal)
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
    }

    /// <summary>Whether the client takes <paramref name="coding"/>: listed (or <c>*</c>) with a quality above zero.</summary>
    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string coding) =>
        accepted.Any(a => (a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) || a.Value.Equals("*", StringComparison.Ordinal)) && (a.Quality ?? 1) > 0) &&
        !accepted.Any(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && a.Quality == 0);

    /// <summary>A compressed copy has the media type of what it holds: <c>chart.js.br</c> is JavaScript.</summary>
    private sealed class OriginalContentType : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Codings)
            {
                if (subpath.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return Types.TryGetContentType(subpath[..^suffix.Length], out contentType!);
            }
            return Types.TryGetContentType(subpath, out contentType!);
        }
    }
}
