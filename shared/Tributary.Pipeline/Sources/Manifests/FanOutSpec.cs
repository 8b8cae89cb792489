namespace Tributary.Sources.Manifests;

public enum FanOutKind
{
    /// <summary>One request chain per run.</summary>
    None,

    /// <summary>One request chain per configured city (<c>{city.*}</c> placeholders).</summary>
    Cities,

    /// <summary>One request chain per listed item (<c>{item.*}</c> placeholders), e.g. stop places or sensors.</summary>
    Items,
}

public sealed class FanOutSpec
{
    public FanOutKind Over { get; set; } = FanOutKind.None;

    public List<FanOutItem> Items { get; set; } = [];
}

/// <summary>One fan-out item: its id, the city it belongs to, and extra attributes for templates.</summary>
public sealed class FanOutItem
{
    public string Id { get; set; } = "";

    public string? City { get; set; }

    public Dictionary<string, string> Attributes { get; set; } = [];
}
