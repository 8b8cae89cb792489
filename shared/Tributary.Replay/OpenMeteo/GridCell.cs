namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// A cell of the replay model's regular 0.02° grid. Responses echo the cell's coordinates, not the requested point,
/// computed in single precision like the vendor, so they carry the same float noise (<c>59.919998</c>).
/// </summary>
internal readonly record struct GridCell(int LatitudeIndex, int LongitudeIndex)
{
    public const float StepDegrees = 0.02f;

    private const int LongitudeCells = 18_000;

    public float Latitude => -90f + (LatitudeIndex * StepDegrees);

    public float Longitude => -180f + (LongitudeIndex * StepDegrees);

    /// <summary>One number per cell, used to address the seeded noise.</summary>
    public long Key => (LatitudeIndex * 100_000L) + LongitudeIndex;

    public static GridCell Nearest(float latitude, float longitude)
    {
        var latitudeIndex = (int)MathF.Round((latitude + 90f) / StepDegrees, MidpointRounding.AwayFromZero);
        var longitudeIndex = (int)MathF.Round((longitude + 180f) / StepDegrees, MidpointRounding.AwayFromZero) % LongitudeCells;
        return new GridCell(latitudeIndex, longitudeIndex);
    }
}
