namespace Tributary.Sources.Manifests;

/// <summary>How a source's data arrives.</summary>
public enum SourceKind
{
    /// <summary>Tributary asks the vendor: a request, a schedule, a connector.</summary>
    Pull,

    /// <summary>The data is sent to Tributary (uploads and signed webhooks): no request, no timer.</summary>
    Push,
}
