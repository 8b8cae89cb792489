using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Tributary.Functions.Http.Platform;
using Tributary.Functions.Http.Security;

namespace Tributary.Tests.Platform;

/// <summary>The platform's small rules on their own: client addresses, admin keys, token settings, admin markers.</summary>
public sealed class PlatformUnitTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("203.0.113.7:51234", "203.0.113.7")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("::ffff:198.51.100.2", "198.51.100.2")]
    [InlineData("not an address", null)]
    [InlineData("<script>", null)]
    public void Forwarded_addresses_lose_their_port_and_junk_is_not_an_address(string text, string? expected) =>
        Assert.Equal(expected, ClientAddress.Normalize(text));

    [Fact]
    public void The_first_forwarded_hop_is_the_client_and_without_one_the_remote_address()
    {
        var forwarded = new DefaultHttpContext();
        forwarded.Request.Headers["X-Forwarded-For"] = "198.51.100.9:1234, 10.0.0.4";
        forwarded.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        Assert.Equal("198.51.100.9", ClientAddress.Of(forwarded));

        var direct = new DefaultHttpContext();
        direct.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("192.0.2.1");
        Assert.Equal("192.0.2.1", ClientAddress.Of(direct));
        Assert.Equal(ClientAddress.Unknown, ClientAddress.Of(new DefaultHttpContext()));
    }

    [Fact]
    public void Admin_keys_match_exactly_and_short_keys_stop_the_start_naming_the_setting()
    {
        var keys = new AdminKeys(Config(("Admin:Keys", "first-admin-key-0001; second-admin-key-002")));
        Assert.True(keys.Opens("first-admin-key-0001"));
        Assert.True(keys.Opens("second-admin-key-002"));
        Assert.False(keys.Opens("first-admin-key-000"));
        Assert.False(keys.Opens(""));
        Assert.False(new AdminKeys(Config()).Any);

        var error = Assert.Throws<InvalidOperationException>(() => new AdminKeys(Config(("Admin:Keys", "short"))));
        Assert.Contains("Admin:Keys", error.Message);
        Assert.DoesNotContain("short", error.Message.Replace("shorter", ""));
    }

    [Fact]
    public void Token_settings_need_issuer_audience_and_long_enough_keys()
    {
        var validator = new AdminTokenOptions.Validator();
        Assert.True(validator.Validate(null, new AdminTokenOptions()).Succeeded);
        var missing = validator.Validate(null, new AdminTokenOptions { SigningKeys = AdminTokens.SigningKey });
        Assert.Contains("Auth:Issuer", missing.FailureMessage);
        Assert.Contains("Auth:Audience", missing.FailureMessage);
        var weak = validator.Validate(null, new AdminTokenOptions { Issuer = "i", Audience = "a", SigningKeys = "too-short" });
        Assert.Contains("Auth:SigningKeys", weak.FailureMessage);
        Assert.True(validator.Validate(null, new AdminTokenOptions { Issuer = "i", Audience = "a", Authority = "https://login.microsoftonline.com/t/v2.0" }).Succeeded);
    }

    [Fact]
    public void Admin_operations_are_found_from_the_entry_point_the_worker_reports()
    {
        var assembly = typeof(AdminGate).Assembly.Location;
        var start = HttpFunctionCatalog.EntryPoint(assembly, "Tributary.Functions.Http.ReplayAdminFunctions.StartAsync");
        Assert.NotNull(start);
        Assert.NotNull(start.GetCustomAttributes(typeof(AdminOperationAttribute), false).SingleOrDefault());
        var kpis = HttpFunctionCatalog.EntryPoint(assembly, "Tributary.Functions.Http.KpisFunction.RunAsync");
        Assert.NotNull(kpis);
        Assert.Empty(kpis.GetCustomAttributes(typeof(AdminOperationAttribute), false));
        Assert.Null(HttpFunctionCatalog.EntryPoint(assembly, "No.Such.Type.Method"));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
