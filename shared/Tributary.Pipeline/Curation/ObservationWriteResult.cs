namespace Tributary.Curation;

public sealed record ObservationWriteResult(int Written, int Unchanged, IReadOnlyList<(string City, DateOnly Day)> CityDays);
