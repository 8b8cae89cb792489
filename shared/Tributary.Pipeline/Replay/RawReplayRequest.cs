using System.Globalization;

namespace Tributary.Replay;

/// <summary>
/// What an operator asks to re-curate: the pages a source landed on the UTC days <see cref="From"/> to
/// <see cref="To"/>, both inclusive (a page's day is the day in its blob name, i.e. its run's day).
/// </summary>
/// <param name="Generation">An explicit generation (1 unless given): the same range and generation is the same replay.</param>
/// <param name="Force">Start the generation after the latest finished one, to run a range again after a mapper or KPI change.</param>
public sealed record RawReplayRequest(string Source, DateOnly From, DateOnly To, int? Generation = null, bool Force = false)
{
    /// <summary>One leap year: wide enough for any mapper fix, narrow enough that a request stays bounded work.</summary>
    public const int MaxDays = 366;

    public const int MaxGeneration = 9999;

    public const string DateFormat = "yyyy-MM-dd";

    public int DayCount => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> Days => Enumerable.Range(0, DayCount).Select(From.AddDays);

    /// <summary>Reads a request as the HTTP route and the command line spell it; each problem names its parameter.</summary>
    /// <exception cref="RawReplayException">A parameter is missing, malformed or out of bounds.</exception>
    public static RawReplayRequest Parse(string source, string? from, string? to, string? generation = null, string? force = null)
    {
        var request = new RawReplayRequest(source, Day("from", from), Day("to", to), GenerationOf(generation), ForceOf(force));
        request.Validate();
        return request;
    }

    /// <exception cref="RawReplayException">The range is reversed or too wide, or both a generation and force are given.</exception>
    public void Validate()
    {
        if (To < From) throw new RawReplayException("to", $"'to' ({Text(To)}) is before 'from' ({Text(From)}); both days are included, so 'to' may equal 'from' but not precede it.");
        if (DayCount > MaxDays) throw new RawReplayException("to", $"A replay covers at most {MaxDays} days; {Text(From)} to {Text(To)} is {DayCount}. Split the range.");
        if (Generation is < 1 or > MaxGeneration) throw new RawReplayException("generation", $"'generation' must be a whole number from 1 to {MaxGeneration}, not {Generation}.");
        if (Generation is not null && Force) throw new RawReplayException("force", "Pass either 'generation' (that replay exactly) or 'force' (the next one), not both.");
    }

    public static string Text(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly Day(string parameter, string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? throw new RawReplayException(parameter, $"'{parameter}' is required: a UTC day as {DateFormat} (e.g. 2026-11-20).")
            : DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new RawReplayException(parameter, $"'{parameter}' must be a UTC day as {DateFormat} (e.g. 2026-11-20), not '{text}'.");

    private static int? GenerationOf(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var generation) && generation is >= 1 and <= MaxGeneration
                ? generation
                : throw new RawReplayException("generation", $"'generation' must be a whole number from 1 to {MaxGeneration}, not '{text}'.");

    private static bool ForceOf(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? false
            : bool.TryParse(text.Trim(), out var force)
                ? force
                : throw new RawReplayException("force", $"'force' must be true or false, not '{text}'.");
}
