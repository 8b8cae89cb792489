using Microsoft.Extensions.Options;

namespace Tributary.Replay.Entur;

/// <summary>Fails start-up with a message naming the offending setting.</summary>
internal sealed class EnturOptionsValidator : IValidateOptions<EnturOptions>
{
    public const int MaxTokenLifetimeSeconds = 7 * 24 * 3600;
    public const int MaxSlowResponseSeconds = 600;

    public ValidateOptionsResult Validate(string? name, EnturOptions options)
    {
        List<string> failures = [];
        RequireNotNegative(failures, nameof(options.QuotaPerMinute), options.QuotaPerMinute);
        RequireNotNegative(failures, nameof(options.SpikePerSecond), options.SpikePerSecond);
        RequireNotNegative(failures, nameof(options.PartnerQuotaPerMinute), options.PartnerQuotaPerMinute);
        RequireNotNegative(failures, nameof(options.PartnerSpikePerSecond), options.PartnerSpikePerSecond);

        if (options.TokenLifetimeSeconds is < 1 or > MaxTokenLifetimeSeconds)
        {
            failures.Add($"{Key(nameof(options.TokenLifetimeSeconds))} must be between 1 and {MaxTokenLifetimeSeconds}; got {options.TokenLifetimeSeconds}.");
        }

        if (options.SlowResponseSeconds is < 1 or > MaxSlowResponseSeconds)
        {
            failures.Add($"{Key(nameof(options.SlowResponseSeconds))} must be between 1 and {MaxSlowResponseSeconds}; got {options.SlowResponseSeconds}.");
        }

        for (var index = 0; index < options.Clients.Count; index++)
        {
            var client = options.Clients[index];
            if (string.IsNullOrWhiteSpace(client.ClientId))
            {
                failures.Add($"{Key($"Clients:{index}:ClientId")} must not be empty.");
            }

            if (string.IsNullOrEmpty(client.ClientSecret))
            {
                failures.Add($"{Key($"Clients:{index}:ClientSecret")} must not be empty.");
            }
        }

        var duplicates = options.Clients.GroupBy(client => client.ClientId, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key);
        foreach (var duplicate in duplicates)
        {
            failures.Add($"{Key("Clients")} lists client id '{duplicate}' more than once.");
        }

        if (!EnturFaults.TryParse(options.Fault, out _))
        {
            failures.Add($"{Key(nameof(options.Fault))} must be one of {string.Join(", ", EnturFaults.Names)}; got '{options.Fault}'.");
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

    private static string Key(string property) => $"{EnturOptions.SectionName}:{property}";
}
