using System.ComponentModel.DataAnnotations;

namespace Tributary.Sources.OpenMeteo;

/// <summary>Settings of the Open-Meteo source (section <c>Sources:OpenMeteo</c>).</summary>
public sealed class OpenMeteoOptions
{
    public const string SectionName = "Sources:OpenMeteo";

    /// <summary>The forecast endpoint. The local default is the replay server; the live vendor is
    /// <c>https://api.open-meteo.com/v1/forecast</c>.</summary>
    [Required]
    public Uri? ForecastUrl { get; set; }

    /// <summary>Whole UTC days before the run's day to fetch again, so late corrections are picked up.</summary>
    [Range(0, 92)]
    public int LookbackDays { get; set; } = 1;

    /// <summary>Whole UTC days after the run's day to fetch (forecast horizon).</summary>
    [Range(0, 16)]
    public int ForecastDays { get; set; } = 1;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;
}
