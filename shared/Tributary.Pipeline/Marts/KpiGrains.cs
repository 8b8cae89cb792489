namespace Tributary.Marts;

/// <summary>Names and bucket arithmetic of <see cref="KpiGrain"/>.</summary>
public static class KpiGrains
{
    /// <summary>The lower-case name used in table keys, columns, the API and the catalog (<c>hour</c>, <c>day</c>).</summary>
    public static string Name(this KpiGrain grain) => grain switch
    {
        KpiGrain.Hour => "hour",
        KpiGrain.Day => "day",
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, null),
    };

    public static KpiGrain? Parse(string? name) => name switch
    {
        "hour" => KpiGrain.Hour,
        "day" => KpiGrain.Day,
        _ => null,
    };

    public static TimeSpan Length(this KpiGrain grain) => grain == KpiGrain.Hour ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>The start of the bucket that holds <paramref name="utc"/>.</summary>
    public static DateTimeOffset BucketOf(this KpiGrain grain, DateTimeOffset utc)
    {
        var t = utc.UtcDateTime;
        return new DateTimeOffset(grain == KpiGrain.Hour ? t.Date.AddHours(t.Hour) : t.Date, TimeSpan.Zero);
    }
}
