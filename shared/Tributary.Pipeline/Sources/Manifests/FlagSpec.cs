using Tributary.Curation;

namespace Tributary.Sources.Manifests;

/// <summary>
/// A quality flag the payload carries: <see cref="Flag"/> is set on the record's observations when the field is
/// <c>true</c> (or equals <see cref="EqualsValue"/>), or when it is a number below <see cref="Below"/>.
/// </summary>
public sealed class FlagSpec
{
    /// <summary>Dotted path inside a record (for <see cref="RecordLayout.Columns"/>, a column name).</summary>
    public string Field { get; set; } = "";

    public QualityFlags Flag { get; set; } = QualityFlags.SourceFlagged;

    /// <summary>Set the flag when the field's text equals this (ordinal); without it (and without Below), when the field is <c>true</c>.</summary>
    public string? EqualsValue { get; set; }

    /// <summary>Set the flag when the field is a number below this, e.g. a completeness percentage below 75.</summary>
    public double? Below { get; set; }
}
