using Tributary.Curation;

namespace Tributary.Marts.Formulas;

/// <summary>
/// The departure counts of data-sources.md section 8 for one bucket: <c>D</c> = departures with a measured delay
/// whose flags are free of ScheduledOnly and Cancelled, <c>C</c> = cancelled departures. Departures without
/// real-time data (ScheduledOnly, not cancelled) are counted in <see cref="All"/> but in neither.
/// </summary>
public sealed record DepartureStatistics(int All, IReadOnlyList<double> Delays, int Cancelled)
{
    /// <summary>|D|: real-time departures with a delay.</summary>
    public int Realtime => Delays.Count;

    /// <summary>|D| + |C|: the departures whose outcome is known.</summary>
    public int Known => Realtime + Cancelled;

    /// <summary>The share of departures whose outcome is known.</summary>
    public double Coverage => All == 0 ? 0 : (double)Known / All;

    /// <summary>Mean signed delay over D in seconds (early departures count negative); null when D is empty.</summary>
    public double? MeanDelaySeconds => Delays.Count == 0 ? null : Delays.Average();

    /// <summary>Mean of max(0, d) over D in seconds: lateness, which early departures do not offset; null when D is empty.</summary>
    public double? MeanLatenessSeconds => Delays.Count == 0 ? null : Delays.Average(d => Math.Max(0, d));

    public int OnTime(double earliestSeconds, double latestSeconds) => Delays.Count(d => d >= earliestSeconds && d <= latestSeconds);

    public static DepartureStatistics Of(IEnumerable<InputObservation> departures)
    {
        var all = 0;
        var cancelled = 0;
        var delays = new List<double>();
        foreach (var departure in departures)
        {
            all++;
            if (departure.Flags.HasFlag(QualityFlags.Cancelled)) cancelled++;
            else if (!departure.Flags.HasFlag(QualityFlags.ScheduledOnly) && departure.Value is { } delay) delays.Add(delay);
        }
        return new DepartureStatistics(all, delays, cancelled);
    }
}
