using System.Text.Json;
using Tributary.Storage;

namespace Tributary.Views;

/// <summary>
/// A row of table <c>views</c>: PartitionKey <c>view</c>, RowKey the view id. One partition keeps a page of the list
/// one RowKey range (<c>RowKey gt {last id}</c>, <c>$top</c>), and a view is a point read.
/// </summary>
public sealed record ViewEntity : StoredEntity
{
    public const string Partition = "view";

    public string Name { get; set; } = "";
    /// <summary>KPI ids, comma-separated (ids are snake_case, so no comma can occur in one).</summary>
    public string Kpis { get; set; } = "";
    /// <summary>City ids, comma-separated; empty for every city.</summary>
    public string Cities { get; set; } = "";
    public string? Stop { get; set; }
    public string Grain { get; set; } = "";
    public DateTimeOffset? FromUtc { get; set; }
    public DateTimeOffset? ToUtc { get; set; }
    public string? Preset { get; set; }
    /// <summary>The UI options as a JSON object of strings: an open set of names no fixed column can hold.</summary>
    public string Options { get; set; } = "{}";
    public DateTimeOffset CreatedUtc { get; set; }

    public static ViewEntity From(string id, ViewDraft draft, DateTimeOffset createdUtc) => new()
    {
        PartitionKey = Partition,
        RowKey = id,
        Name = draft.Name,
        Kpis = string.Join(',', draft.Kpis),
        Cities = string.Join(',', draft.Cities),
        Stop = draft.Stop,
        Grain = draft.Grain,
        FromUtc = draft.Range.From,
        ToUtc = draft.Range.To,
        Preset = draft.Range.Preset,
        Options = JsonSerializer.Serialize(draft.Options),
        CreatedUtc = createdUtc,
    };

    public SavedView ToView() => new(
        RowKey, Name, Split(Kpis), Split(Cities), Stop, Grain, new ViewRange(FromUtc, ToUtc, Preset),
        JsonSerializer.Deserialize<Dictionary<string, string>>(Options) ?? [], CreatedUtc);

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
