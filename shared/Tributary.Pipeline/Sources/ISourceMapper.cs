using Tributary.Curation;

namespace Tributary.Sources;

/// <summary>Turns one raw page of a source into canonical observations; bad records are returned, not thrown.</summary>
public interface ISourceMapper
{
    string SourceId { get; }

    /// <exception cref="MalformedPayloadException">The page as a whole cannot be read (not JSON, wrong shape).</exception>
    MappingResult Map(ReadOnlySpan<byte> payload, RawPageContext context);
}
