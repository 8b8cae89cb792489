using System.IO.Compression;
using System.Net;
using System.Text;
using Tributary.Testing;

namespace Tributary.Tests.LocalHost;

/// <summary>
/// The local host serves the built dashboard compressed, as Static Web Apps does: the .br or .gz copy the build wrote
/// beside an asset, whichever the client accepts, with the asset's own media type; the original for everyone else.
/// </summary>
public sealed class PrecompressedStaticFilesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly DirectoryInfo _site = Directory.CreateTempSubdirectory("tributary-site-");

    [Fact]
    public async Task Each_client_gets_the_smallest_copy_it_accepts_with_the_assets_media_type()
    {
        var ct = TestContext.Current.CancellationToken;
        var script = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"export const v{i} = {i};\n")));
        var page = Encoding.UTF8.GetBytes("<!doctype html><title>Tributary</title>" + new string(' ', 2048) + "<p>dashboard</p>");
        Write("assets/app-abc123.js", script, withCopies: true);
        Write("index.html", page, withCopies: true);
        Write("assets/plain.css", "body{margin:0}"u8.ToArray(), withCopies: false);

        await using var app = await PipelineHarness.StartAsync(azurite.ConnectionString, runTimersOnStartup: false, webRoot: _site.FullName, cancellationToken: ct);
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = app.HostAddress };

        foreach (var (accept, coding) in new[] { ("br, gzip", "br"), ("gzip, deflate", "gzip"), ("br;q=0, gzip", "gzip"), ("*", "br"), ("", null), ("identity", null) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "assets/app-abc123.js");
            if (accept.Length > 0) request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
            using var response = await http.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(coding, response.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            Assert.Equal(script, Decode(body, coding));
            if (coding is not null) Assert.True(body.Length < script.Length / 4, $"{coding}: {body.Length} of {script.Length} bytes");
        }

        // The page at "/" is index.html, compressed too, and revalidated so a new build shows at once.
        using var root = new HttpRequestMessage(HttpMethod.Get, "/");
        root.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        using var pageResponse = await http.SendAsync(root, ct);
        Assert.Equal(("text/html", "br", "no-cache"),
            (pageResponse.Content.Headers.ContentType?.MediaType, pageResponse.Content.Headers.ContentEncoding.SingleOrDefault(), pageResponse.Headers.CacheControl?.ToString()));
        Assert.Equal(page, Decode(await pageResponse.Content.ReadAsByteArrayAsync(ct), "br"));

        // A file without copies is served as it is; the API is not this step's business.
        using var css = new HttpRequestMessage(HttpMethod.Get, "assets/plain.css");
        css.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var cssResponse = await http.SendAsync(css, ct);
        Assert.Equal(("text/css", 0), (cssResponse.Content.Headers.ContentType?.MediaType, cssResponse.Content.Headers.ContentEncoding.Count));
        using var missing = await http.GetAsync("assets/app-abc123.js.br.br", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private void Write(string path, byte[] bytes, bool withCopies)
    {
        var full = Path.Combine(_site.FullName, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        if (!withCopies) return;
        using (var br = new BrotliStream(File.Create(full + ".br"), CompressionLevel.SmallestSize)) br.Write(bytes);
        using (var gz = new GZipStream(File.Create(full + ".gz"), CompressionLevel.SmallestSize)) gz.Write(bytes);
    }

    private static byte[] Decode(byte[] body, string? coding)
    {
        if (coding is null) return body;
        using Stream decoder = coding == "br" ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress) : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        decoder.CopyTo(plain);
        return plain.ToArray();
    }

    public void Dispose() => _site.Delete(recursive: true);
}
