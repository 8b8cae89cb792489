using Microsoft.Extensions.Options;

namespace Tributary.Replay.OpenMeteo;

/// <summary>Fails start-up with a message naming the offending setting.</summary>
internal sealed class OpenMeteoOptionsValidator : IValidateOptions<OpenMeteoOptions>
{
    public const int MaxArchiveLagDays = 92;

    public ValidateOptionsResult Validate(string? name, OpenMeteoOptions options)
    {
        List<string> failures = [];
        RequireNotNegative(failures, nameof(options.MinutelyLimit), options.MinutelyLimit);
        RequireNotNegative(failures, nameof(options.HourlyLimit), options.HourlyLimit);
        RequireNotNegative(failures, nameof(options.DailyLimit), options.DailyLimit);

        if (options.ArchiveLagDays is < 0 or > MaxArchiveLagDays)
        {
            failures.Add($"{Key(nameof(options.ArchiveLagDays))} must be between 0 and {MaxArchiveLagDays}; got {options.ArchiveLagDays}.");
        }

        if (!OpenMeteoFaults.TryParse(options.Fault, out _))
        {
            failures.Add($"{Key(nameof(options.Fault))} must be one of {string.Join(", ", OpenMeteoFaults.Names)}; got '{options.Fault}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireNotNegative(List<string> failures, string property, int value)
    {
        if (value < 0)
        {
            failures.Add($"{Key(property)} must be 0 (no limit) or more; got {value}.");
        }
    }

    private static string Key(string property) => $"{OpenMeteoOptions.SectionName}:{property}";
}
