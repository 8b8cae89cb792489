using Tributary.Quality;

namespace Tributary.Sources;

/// <summary>Turns one raw page of a source into canonical observations; bad records are returned, not thrown.</summary>
public interface ISourceMapper
{
    string SourceId { get; }

    /// <summary>The fields this mapper reads from its pages, so a page that changed shape records a drift event.</summary>
    PayloadSchema Schema { get; }

    /// <param name="payload">The page, readable (and seekable when it came from a blob); the caller disposes it.</param>
    /// <exception cref="MalformedPayloadException">The page as a whole cannot be read (not JSON, wrong shape).</exception>
    MappingResult Map(Stream payload, RawPageContext context);
}
