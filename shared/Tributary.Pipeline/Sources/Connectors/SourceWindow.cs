using Tributary.Sources.Manifests;

namespace Tributary.Sources.Connectors;

/// <summary>The UTC window a run asks for (see <see cref="WindowSpec"/>).</summary>
public static class SourceWindow
{
    public static (DateTimeOffset Start, DateTimeOffset End) For(WindowSpec spec, DateTimeOffset runTime, DateTimeOffset? watermark)
    {
        var hour = new DateTimeOffset(runTime.UtcTicks - runTime.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        var end = hour.AddHours(spec.AheadHours);
        var start = hour.AddHours(-spec.LookbackHours);
        if (spec.Incremental && watermark is { } mark)
        {
            var earliest = hour.AddHours(-spec.MaxLookbackHours);
            var resume = mark.ToUniversalTime().AddHours(-spec.OverlapHours);
            start = resume < earliest ? earliest : resume;
        }
        return (start < end ? start : end.AddHours(-1), end);
    }
}
