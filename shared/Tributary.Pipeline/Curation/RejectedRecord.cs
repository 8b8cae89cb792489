namespace Tributary.Curation;

/// <summary>A record that could not become an observation, kept with the reason for the quarantine.</summary>
/// <param name="Locator">Where in the payload it was, e.g. <c>hourly.time[17]</c>.</param>
public sealed record RejectedRecord(string Locator, string Reason, string? RawValue);
