namespace Tributary.Views;

/// <summary>
/// A named dashboard state anyone can share by its short id: the KPIs, cities and optional stop place on screen, the
/// grain, the time range (absolute or a relative preset) and bounded UI options such as the chart type.
/// </summary>
public sealed record SavedView(
    string Id,
    string Name,
    IReadOnlyList<string> Kpis,
    IReadOnlyList<string> Cities,
    string? Stop,
    string Grain,
    ViewRange Range,
    IReadOnlyDictionary<string, string> Options,
    DateTimeOffset CreatedUtc);
