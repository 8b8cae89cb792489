using Microsoft.Extensions.Options;

namespace Tributary.Replay.OpenAq;

/// <summary>OpenAQ replay settings, bound from <c>Replay:OpenAq</c>. Limits of 0 switch that limit off.</summary>
internal sealed class OpenAqOptions
{
    public const string SectionName = "Replay:OpenAq";

    /// <summary>The key the replay accepts when no <see cref="ApiKeys"/> are configured (local demo and tests).</summary>
    public const string DemoApiKey = "replay-openaq-key";

    /// <summary>Accepted <c>X-API-Key</c> values; when empty, <see cref="DemoApiKey"/>.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Requests per key per clock minute (the free tier's 60), reported in <c>x-ratelimit-*</c>.</summary>
    public int PerMinute { get; set; } = 60;

    /// <summary>Requests per key per clock hour (the free tier's 2 000); not reported in any header, as with the vendor.</summary>
    public int PerHour { get; set; } = 2000;

    /// <summary>How long the <c>slow</c> fault holds each answer back, by the replay clock.</summary>
    public int SlowResponseSeconds { get; set; } = 30;

    /// <summary>Initial fault mode; see <see cref="OpenAqFaults.Names"/>.</summary>
    public string Fault { get; set; } = OpenAqFaults.NoneName;

    public IReadOnlyList<string> EffectiveApiKeys => ApiKeys.Count > 0 ? ApiKeys : [DemoApiKey];
}

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
