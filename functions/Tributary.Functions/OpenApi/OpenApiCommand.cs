using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Functions.Hosting;

namespace Tributary.Functions.OpenApi;

/// <summary>
/// <c>Tributary.Functions openapi --out web/src/api/openapi.json</c>: writes the OpenAPI document the app serves (with
/// the relative server <c>/api</c>) to a file, for the dashboard's generated types. Without <c>--out</c> it prints it.
/// </summary>
public static class OpenApiCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "openapi";

    public static async Task<int> RunAsync(string[] args)
    {
        // The options the function app writes responses with: ASP.NET Core's web defaults, nothing configured.
        var json = new OpenApiDocumentGenerator(Options.Create(new JsonOptions())).Json + "\n";
        if (CommandLine.Option(args, "--out") is not { } path)
        {
            if (args.Contains("--out"))
            {
                await Console.Error.WriteLineAsync("usage: Tributary.Functions openapi [--out FILE]");
                return 2;
            }
            await Console.Out.WriteAsync(json);
            return 0;
        }
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, json);
        await Console.Out.WriteLineAsync($"wrote {full}");
        return 0;
    }
}
