namespace Tributary.Quality;

/// <summary>
/// One field a mapper reads or knows: a path (<c>hourly.time</c>, <c>results[].value</c>, <c>stops.txt:stop_lat</c>),
/// the kinds it may have and whether a page without it has drifted (<see cref="Required"/>) or merely lacks an
/// optional part.
/// </summary>
public sealed record FieldExpectation(string Path, FieldKinds Kinds, bool Required = true);
