using System.ComponentModel.DataAnnotations;

namespace Tributary.Query.Raw;

/// <summary>Settings <c>Tributary:Raw:*</c> of <c>GET /api/v1/raw/{blob}</c>.</summary>
public sealed class RawPayloadOptions
{
    public const string SectionName = "Tributary:Raw";

    /// <summary>The largest payload served whole (bytes); a larger one answers 413 naming this limit. 8 MiB by default.</summary>
    [Range(1, 256L * 1024 * 1024, ErrorMessage = "Tributary:Raw:MaxBytes must be from 1 to 268435456 bytes.")]
    public long MaxBytes { get; set; } = 8L * 1024 * 1024;
}
