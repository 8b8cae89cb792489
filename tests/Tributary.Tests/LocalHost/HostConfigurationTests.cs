using Tributary.LocalHost.Metadata;
using Tributary.LocalHost.Triggers;
using Tributary.Testing;

namespace Tributary.Tests.LocalHost;

public sealed class HostConfigurationTests
{
    private static AppSettings Settings(params (string Key, string Value)[] values) => new(values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void Reads_the_repository_host_json_with_the_hosts_defaults()
    {
        var host = HostConfiguration.Load(RepoPaths.Root, Settings());
        Assert.Equal("api", host.RoutePrefix);
        Assert.Equal(TimeSpan.FromMinutes(10), host.FunctionTimeout);
        Assert.Equal(new QueueSettings(16, 5, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), Base64: true), host.Queues);
    }

    [Fact]
    public void App_settings_named_AzureFunctionsJobHost_override_host_json_case_insensitively()
    {
        var host = HostConfiguration.Load(RepoPaths.Root, Settings(
            ("AzureFunctionsJobHost__extensions__queues__maxDequeueCount", "2"),
            ("AzureFunctionsJobHost__Extensions__Queues__VisibilityTimeout", "00:00:00")));
        Assert.Equal((2, TimeSpan.Zero), (host.Queues.MaxDequeueCount, host.Queues.VisibilityTimeout));
    }

    [Fact]
    public void A_bad_host_json_value_names_the_key()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => HostConfiguration.Load(RepoPaths.Root,
            Settings(("AzureFunctionsJobHost__extensions__queues__batchSize", "64"))));
        Assert.Contains("extensions.queues.batchSize", ex.Message);
    }

    [Fact]
    public void Percent_tokens_resolve_from_settings_and_an_unknown_one_names_the_setting()
    {
        var settings = Settings(("IngestWeatherSchedule", "0 5 * * * *"));
        Assert.Equal("0 5 * * * *", settings.Resolve("%IngestWeatherSchedule%", "IngestWeather schedule"));
        var ex = Assert.Throws<InvalidOperationException>(() => settings.Resolve("%NoSuchSchedule%", "IngestWeather schedule"));
        Assert.Contains("'NoSuchSchedule'", ex.Message);
    }

    [Theory]
    [InlineData("0 5 * * * *", "2026-11-22T10:04:59Z", "2026-11-22T10:05:00Z")] // 6 fields: seconds first
    [InlineData("5 * * * *", "2026-11-22T10:04:59Z", "2026-11-22T10:05:00Z")]   // 5 fields: no seconds
    [InlineData("0 0 6 * * 1-5", "2026-11-21T12:00:00Z", "2026-11-23T06:00:00Z")] // Saturday -> Monday 06:00 UTC
    public void Schedules_are_NCRONTAB_in_UTC(string expression, string from, string next)
    {
        var cron = TimerTrigger.Parse(expression, "F");
        var after = DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;
        Assert.Equal(DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, cron.GetNextOccurrence(after));
    }

    [Fact]
    public void A_bad_schedule_names_the_function_and_the_expression()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TimerTrigger.Parse("every hour", "IngestWeather"));
        Assert.Contains("IngestWeather", ex.Message);
        Assert.Contains("'every hour'", ex.Message);
    }
}
