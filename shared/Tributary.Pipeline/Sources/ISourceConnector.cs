using Tributary.Sources.Connectors;

namespace Tributary.Sources;

/// <summary>Pulls one source's pages for a run. Connectors fetch; they never parse or store.</summary>
public interface ISourceConnector
{
    /// <summary>The source id, e.g. <c>open-meteo</c>; used in blob names, messages and table keys.</summary>
    string SourceId { get; }

    /// <summary>Fetches the pages of <paramref name="run"/>: the manifest's window around its run time, or a backfill's explicit window.</summary>
    /// <param name="stats">Receives the requests made and the time spent waiting for rate budgets.</param>
    /// <exception cref="SourceRequestException">Some pages could not be fetched (after the others were yielded).</exception>
    IAsyncEnumerable<RawPage> FetchAsync(SourceRun run, FetchStats stats, CancellationToken cancellationToken);
}
