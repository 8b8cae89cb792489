using Microsoft.Extensions.Options;
using Tributary.Replay;

namespace Tributary.Tests.Replay.OpenAq;

/// <summary><c>Replay:OpenAq</c> settings are checked when the server is built, and the vendor is listed in the index.</summary>
public sealed class OpenAqOptionsTests
{
    [Theory]
    [InlineData("--Replay:OpenAq:PerMinute=-1", "Replay:OpenAq:PerMinute")]
    [InlineData("--Replay:OpenAq:PerHour=-5", "Replay:OpenAq:PerHour")]
    [InlineData("--Replay:OpenAq:SlowResponseSeconds=-1", "Replay:OpenAq:SlowResponseSeconds")]
    [InlineData("--Replay:OpenAq:Fault=sometimes", "Replay:OpenAq:Fault")]
    public void Invalid_settings_fail_the_build_naming_the_setting(string setting, string key)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => ReplayServer.Build(["--urls", "http://127.0.0.1:0", setting]));

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

}
