using Tributary.Quality;

namespace Tributary.Query.Status;

/// <summary>A change of a source's payload shape (table <c>drift</c>), with the first page that showed it.</summary>
public sealed record DriftSummary(string Field, string Change, string Expected, string Actual, DateTimeOffset FirstSeenUtc, string ExampleBlob)
{
    public static DriftSummary From(DriftEntity d) => new(d.Field, d.Change, d.Expected, d.Actual, d.FirstSeenUtc, d.ExampleBlob);
}
