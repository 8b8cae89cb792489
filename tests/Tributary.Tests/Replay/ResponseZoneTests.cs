using Tributary.Replay.OpenMeteo;

namespace Tributary.Tests.Replay;

public sealed class ResponseZoneTests
{
    [Theory]
    [InlineData(0, "GMT")]
    [InlineData(3600, "GMT+1")]
    [InlineData(-10800, "GMT-3")]
    [InlineData(19800, "GMT+5:30")]
    public void Zone_abbreviations_follow_the_vendors_gmt_style(int offsetSeconds, string expected) =>
        Assert.Equal(expected, ResponseZone.Abbreviation(offsetSeconds));

    [Theory]
    [InlineData("Europe/Oslo", true)]
    [InlineData("UTC", true)]
    [InlineData("W. Europe Standard Time", false)]
    public void Only_iana_names_and_gmt_are_accepted(string name, bool accepted) =>
        Assert.Equal(accepted, ResponseZone.TryResolve(name, out _));
}
