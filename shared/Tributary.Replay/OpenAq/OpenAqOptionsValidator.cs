using Microsoft.Extensions.Options;

namespace Tributary.Replay.OpenAq;

/// <summary>Fails the build when a <c>Replay:OpenAq</c> setting is invalid; each message names the setting.</summary>
internal sealed class OpenAqOptionsValidator : IValidateOptions<OpenAqOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenAqOptions options)
    {
        List<string> failures = [];
        if (options.PerMinute < 0) failures.Add($"{OpenAqOptions.SectionName}:PerMinute must be 0 (off) or more, not {options.PerMinute}.");
        if (options.PerHour < 0) failures.Add($"{OpenAqOptions.SectionName}:PerHour must be 0 (off) or more, not {options.PerHour}.");
        if (options.SlowResponseSeconds is < 0 or > 3600)
        {
            failures.Add($"{OpenAqOptions.SectionName}:SlowResponseSeconds must be 0 to 3600, not {options.SlowResponseSeconds}.");
        }
        if (!OpenAqFaults.TryParse(options.Fault, out _))
        {
            failures.Add($"{OpenAqOptions.SectionName}:Fault '{options.Fault}' must be one of {string.Join(", ", OpenAqFaults.Names)}.");
        }
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.ApiKeys[i])) failures.Add($"{OpenAqOptions.SectionName}:ApiKeys:{i} is empty.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
