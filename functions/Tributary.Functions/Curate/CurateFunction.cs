using System.Text.Json;
using Tributary.Curation;
using Tributary.Functions.Invocation;
using Tributary.Landing;

namespace Tributary.Functions.Curate;

/// <summary>Queue <c>curate</c>: validates and normalises one landed page into table <c>observations</c>.</summary>
public static class CurateFunction
{
    public const string Name = "Curate";

    public static async Task<InvocationResult> RunAsync(InvocationRequest request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var message = QueueJson.Read<CurateMessage>(request.QueueMessageText("msg"), Name);
        var quality = await services.GetRequiredService<Curator>().CurateAsync(message, cancellationToken);
        return InvocationResult.Success(
            $"curated {quality.RawBlob}: {quality.Observations} observations, {quality.Rejected} rejected" +
            (quality.PageError is null ? "" : $", page quarantined: {quality.PageError}"));
    }
}
