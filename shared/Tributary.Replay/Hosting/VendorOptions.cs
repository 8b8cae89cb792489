using System.ComponentModel.DataAnnotations;

namespace Tributary.Replay.Hosting;

/// <summary>
/// What every vendor's settings have: its initial fault and how slow "slow" is. Bound from <c>Replay:{Vendor}</c> (the
/// class name without "Options") and validated at start-up; every whole-number setting (a limit, a count) must be 0 or more.
/// </summary>
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
        foreach (var setting in GetType().GetProperties().Where(property => property.PropertyType == typeof(int) && (int)property.GetValue(this)! < 0))
        {
            yield return new ValidationResult($"{setting.Name} must be 0 (off) or more, not {setting.GetValue(this)}.", [setting.Name]);
        }

        if (!FaultSwitch.TryParse(Fault, out var fault) || (fault != Hosting.Fault.None && !Faults.Contains(fault)))
        {
            yield return new ValidationResult(
                $"Fault '{Fault}' must be one of none, {string.Join(", ", Faults.Select(FaultSwitch.NameOf))}.", [nameof(Fault)]);
        }
    }
}
