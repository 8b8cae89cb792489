using System.Globalization;

namespace Tributary.Landing;

/// <summary>Run ids are derived from the scheduled run time (to the minute), so a replayed invocation reuses its id.</summary>
public static class RunIds
{
    public static string For(DateTimeOffset runTime) =>
        runTime.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
}
