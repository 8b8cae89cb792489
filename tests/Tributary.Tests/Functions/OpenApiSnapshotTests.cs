using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Tributary.Functions.OpenApi;
using Tributary.Testing;

namespace Tributary.Tests.Functions;

/// <summary>
/// The dashboard's types are generated from a committed copy of the OpenAPI document (web/src/api/openapi.json);
/// this fails as soon as the code describes something else, so the copy cannot go stale.
/// </summary>
public sealed class OpenApiSnapshotTests
{
    [Fact]
    public void The_committed_snapshot_is_what_the_code_generates()
    {
        var generated = new OpenApiDocumentGenerator(Options.Create(new JsonOptions())).Json + "\n";
        var committed = File.ReadAllText(RepoPaths.Combine("web", "src", "api", "openapi.json")).ReplaceLineEndings("\n");
        Assert.True(committed == generated.ReplaceLineEndings("\n"),
            "web/src/api/openapi.json differs from the document the functions describe: run `npm run api --prefix web` and commit openapi.json and schema.d.ts.");
    }
}
