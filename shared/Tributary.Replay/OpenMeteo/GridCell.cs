namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// A cell of a model's regular grid. Responses echo the cell's coordinates, not the requested point, computed in
/// single precision like the vendor, so they carry the same float noise (<c>59.919998</c>).
/// </summary>
internal readonly record struct GridCell(int LatitudeIndex, int LongitudeIndex, float StepDegrees)
{
    public float Latitude => -90f + (LatitudeIndex * StepDegrees);

    public float Longitude => -180f + (LongitudeIndex * StepDegrees);

    /// <summary>One number per cell, used to address the seeded noise.</summary>
    public long Key => (LatitudeIndex * 100_000L) + LongitudeIndex;

    public static GridCell Nearest(float latitude, float longitude, float stepDegrees)
    {
        var longitudeCells = (int)MathF.Round(360f / stepDegrees);
        return new GridCell(
            (int)MathF.Round((latitude + 90f) / stepDegrees, MidpointRounding.AwayFromZero),
            (int)MathF.Round((longitude + 180f) / stepDegrees, MidpointRounding.AwayFromZero) % longitudeCells,
            stepDegrees);
    }
}
