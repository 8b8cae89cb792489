namespace Tributary.Sources;

public static class MapperExtensions
{
    /// <summary>Maps a page held in memory (a test's fixture, a small upload).</summary>
    public static MappingResult Map(this ISourceMapper mapper, byte[] payload, RawPageContext context)
    {
        using var stream = new MemoryStream(payload, writable: false);
        return mapper.Map(stream, context);
    }
}
