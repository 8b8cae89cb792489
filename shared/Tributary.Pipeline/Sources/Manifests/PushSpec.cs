namespace Tributary.Sources.Manifests;

/// <summary>
/// What an upload to a push source (<c>POST /api/v1/ingest/{source}</c>) may be and how it is authorised. The rows are
/// read by the manifest's <see cref="SourceManifest.Mapping"/>: a JSON body through its <c>Records</c>, a CSV body row by
/// row, each row a record whose fields are its columns. Secrets are only named, never written here.
/// </summary>
public sealed class PushSpec
{
    public const string Csv = "text/csv";
    public const string Json = "application/json";

    /// <summary>The media types an upload may have: <c>text/csv</c> and/or <c>application/json</c>.</summary>
    public List<string> MediaTypes { get; set; } = [];

    /// <summary>For CSV uploads: the header names an upload must have (others are allowed and ignored).</summary>
    public List<string> Columns { get; set; } = [];

    /// <summary>The largest body accepted, in bytes; a larger one is refused with 413.</summary>
    public long MaxUploadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The secret holding the upload key, by name (app setting <c>Secrets__{name}</c> or Key Vault).</summary>
    public string? KeySecretName { get; set; }

    /// <summary>The request header that carries the upload key.</summary>
    public string KeyHeader { get; set; } = "x-tributary-key";

    /// <summary>Signed webhook deliveries (<c>POST /api/v1/webhooks/{source}</c>); null when the source takes none.</summary>
    public WebhookSpec? Webhook { get; set; }
}
