namespace Tributary.Sources.RateBudgets;

/// <summary>The budget (or the vendor) allows no call before <see cref="Until"/>, which is further away than the source will wait.</summary>
public sealed class RateBudgetExhaustedException(string source, DateTimeOffset until)
    : Exception($"{source}: the rate budget allows no further call before {until:O}; the rest of the run resumes on the next run.")
{
    public DateTimeOffset Until { get; } = until;
}
