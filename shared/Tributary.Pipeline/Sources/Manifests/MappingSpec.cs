namespace Tributary.Sources.Manifests;

/// <summary>How the records of a page are laid out under <see cref="MappingSpec.Records"/>.</summary>
public enum RecordLayout
{
    /// <summary>An array of objects, one record each (<c>results: [{...}, {...}]</c>).</summary>
    Rows,

    /// <summary>An object of parallel arrays, record <c>i</c> being element <c>i</c> of each (Open-Meteo's <c>hourly</c>).</summary>
    Columns,
}

/// <summary>
/// A declarative mapping from an ordinary JSON payload to canonical observations, so a JSON source needs a manifest
/// and no C#. Each record gives one observation per declared value; times and units are converted here, at the
/// mapper boundary, exactly as a mapper class would. Sources whose payload a declaration cannot say (a GTFS ZIP,
/// the Journey Planner's nested calls) keep a mapper class and leave this section out.
/// </summary>
public sealed class MappingSpec
{
    /// <summary>Dotted path from the page root to the records (<c>hourly</c>, <c>data.items</c>); empty for the root itself.</summary>
    public string Records { get; set; } = "";

    public RecordLayout Layout { get; set; } = RecordLayout.Rows;

    public TimeSpec Time { get; set; } = new();

    public LocationSpec Location { get; set; } = new();

    /// <summary>The measured values of a record: each becomes one observation of its metric.</summary>
    public List<ValueSpec> Values { get; set; } = [];

    /// <summary>Quality flags the payload itself carries, per record.</summary>
    public List<FlagSpec> Flags { get; set; } = [];
}
