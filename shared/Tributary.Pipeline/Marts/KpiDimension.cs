namespace Tributary.Marts;

/// <summary>The area a KPI value is computed for.</summary>
public enum KpiDimension
{
    /// <summary>Every input of the city.</summary>
    City,

    /// <summary>
    /// One stop place (a station with its quays): the inputs located at its quays, plus the city's city-wide
    /// inputs (weather, air quality), which every stop place of the city shares.
    /// </summary>
    StopPlace,
}
