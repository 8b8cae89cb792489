namespace Tributary.Quality;

/// <summary>
/// What a mapper reads from its pages, so a page that changed shape is noticed: the fields it expects (with their
/// kinds) and the objects whose members it knows in full (<see cref="Closed"/>), where a member it does not know is a
/// new field. Paths are dotted; <c>[]</c> steps into every element of an array (<c>data.stopPlace.estimatedCalls[]</c>).
/// For a ZIP of CSV files, paths are <c>{file}:{column}</c> and the closed objects are the file names.
/// </summary>
public sealed record PayloadSchema(IReadOnlyList<FieldExpectation> Fields, IReadOnlyList<string> Closed)
{
    public static PayloadSchema None { get; } = new([], []);

    /// <summary>True when the pages are CSV files in a ZIP (paths <c>file:column</c>), not JSON.</summary>
    public bool IsCsv => Fields.Count > 0 && Fields.All(f => f.Kinds == FieldKinds.Column);
}
