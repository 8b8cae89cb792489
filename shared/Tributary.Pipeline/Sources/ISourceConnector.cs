using Tributary.Sources.Connectors;

namespace Tributary.Sources;

/// <summary>Pulls one source's pages for a run. Connectors fetch; they never parse or store.</summary>
public interface ISourceConnector
{
    /// <summary>The source id, e.g. <c>open-meteo</c>; used in blob names, messages and table keys.</summary>
    string SourceId { get; }

    /// <summary>Fetches the pages for the run that is scheduled at <paramref name="runTime"/>.</summary>
    /// <param name="stats">Receives the requests made and the time spent waiting for rate budgets.</param>
    /// <exception cref="SourceRequestException">Some pages could not be fetched (after the others were yielded).</exception>
    IAsyncEnumerable<RawPage> FetchAsync(DateTimeOffset runTime, FetchStats stats, CancellationToken cancellationToken);
}
