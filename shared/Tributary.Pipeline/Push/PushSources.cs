using Microsoft.AspNetCore.Http;
using Tributary.Sources;
using Tributary.Sources.Manifests;
using static Tributary.Query.QueryText;

namespace Tributary.Push;

/// <summary>The push sources by id, and what a request names when it names another kind of source.</summary>
public sealed class PushSources(SourceManifests manifests)
{
    /// <exception cref="UnknownSourceException">No enabled source has that id (404).</exception>
    /// <exception cref="PushRejectedException">The source is pulled, not pushed to (400).</exception>
    public SourceManifest Get(string sourceId)
    {
        var manifest = manifests.Enabled.FirstOrDefault(m => m.Id == sourceId)
            ?? throw new UnknownSourceException(Shorten(sourceId, 40), manifests.Pushed.Select(m => m.Id));
        return manifest is { Kind: SourceKind.Push, Push: not null }
            ? manifest
            : throw new PushRejectedException(StatusCodes.Status400BadRequest, "Invalid parameter 'source'", "source",
                $"Source '{sourceId}' is pulled from its vendor and takes no uploads. Push sources: {string.Join(", ", manifests.Pushed.Select(m => m.Id).Order(StringComparer.Ordinal))}.");
    }

    /// <exception cref="PushRejectedException">The source takes no webhook deliveries (404: there is no such webhook).</exception>
    public static WebhookSpec WebhookOf(SourceManifest manifest) => manifest.Push?.Webhook
        ?? throw new PushRejectedException(StatusCodes.Status404NotFound, "No webhook for source", "source", $"Source '{manifest.Id}' takes no webhook deliveries.");

    // A route value is the caller's text: never echoed whole.
}
