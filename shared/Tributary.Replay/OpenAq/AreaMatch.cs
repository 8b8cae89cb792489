namespace Tributary.Replay.OpenAq;

/// <summary>Whether a location lies in the asked area, and its distance when the area was a circle.</summary>
internal readonly record struct AreaMatch(bool Inside, double? Distance);
