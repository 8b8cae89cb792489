using System.ComponentModel.DataAnnotations;

namespace Tributary.Replay.Hosting;

/// <summary>What every vendor's settings have: its initial fault and how slow "slow" is. Validated at start-up.</summary>
internal abstract class VendorOptions : IValidatableObject
{
    /// <summary>Initial fault mode, e.g. <c>server-error</c>; see <see cref="Faults"/>.</summary>
    public string Fault { get; set; } = "none";

    /// <summary>How long the <c>slow</c> fault holds each answer back, by the replay clock.</summary>
    [Range(0, 3600)]
    public int SlowResponseSeconds { get; set; } = 30;

    /// <summary>The faults this vendor can imitate (besides none).</summary>
    public abstract IReadOnlyList<Fault> Faults { get; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!FaultSwitch.TryParse(Fault, out var fault) || (fault != Hosting.Fault.None && !Faults.Contains(fault)))
        {
            yield return new ValidationResult(
                $"Fault '{Fault}' must be one of none, {string.Join(", ", Faults.Select(FaultSwitch.NameOf))}.", [nameof(Fault)]);
        }
    }
}
