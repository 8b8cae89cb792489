using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tributary.Push;

namespace Tributary.Tests.Push;

/// <summary>The webhook signature check under a pinned clock: the replay window either side, tampering, malformed headers.</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-test-1";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(300);
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""[{"time":"2026-11-22T09:00:00Z","city":"oslo","cyclists":12,"pedestrians":40}]""");

    private static string Now(int offsetSeconds = 0) => (Clock.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static WebhookVerdict Check(string? timestamp, string? signature, byte[]? body = null) =>
        WebhookSignature.Check(Secret, timestamp, signature, body ?? Body, Clock.GetUtcNow(), Window, out _);

    [Fact]
    public void A_signature_over_the_timestamp_and_body_is_valid_and_names_its_digest()
    {
        var timestamp = Now();
        var signature = WebhookSignature.Sign(Secret, timestamp, Body);
        Assert.StartsWith("sha256=", signature);
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Check(Secret, timestamp, signature, Body, Clock.GetUtcNow(), Window, out var digest));
        Assert.Equal(signature["sha256=".Length..], digest);
        // Upper-case hex is the same signature.
        Assert.Equal(WebhookVerdict.Valid, Check(timestamp, "sha256=" + signature["sha256=".Length..].ToUpperInvariant()));
    }

    [Fact]
    public void The_signature_is_the_hmac_sha256_of_timestamp_dot_body()
    {
        // Worked independently of the code under test, as a sender would.
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = Convert.ToHexStringLower(hmac.ComputeHash([.. Encoding.ASCII.GetBytes("1700000000."), .. Body]));
        Assert.Equal("sha256=" + expected, WebhookSignature.Sign(Secret, "1700000000", Body));
    }

    [Theory]
    [InlineData(-300, WebhookVerdict.Valid)]
    [InlineData(300, WebhookVerdict.Valid)]
    [InlineData(-301, WebhookVerdict.OutsideWindow)]
    [InlineData(301, WebhookVerdict.OutsideWindow)]
    [InlineData(-86400, WebhookVerdict.OutsideWindow)]
    public void The_timestamp_must_lie_within_the_window_either_side(int offsetSeconds, WebhookVerdict verdict)
    {
        var timestamp = Now(offsetSeconds);
        Assert.Equal(verdict, Check(timestamp, WebhookSignature.Sign(Secret, timestamp, Body)));
    }

    [Fact]
    public void The_window_moves_with_the_clock()
    {
        var clock = new FakeTimeProvider(Clock.GetUtcNow());
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Sign(Secret, timestamp, Body);
        clock.Advance(TimeSpan.FromSeconds(300));
        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Check(Secret, timestamp, signature, Body, clock.GetUtcNow(), Window, out _));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(WebhookVerdict.OutsideWindow, WebhookSignature.Check(Secret, timestamp, signature, Body, clock.GetUtcNow(), Window, out _));
    }

    [Fact]
    public void A_changed_body_timestamp_or_secret_breaks_the_signature()
    {
        var timestamp = Now();
        var signature = WebhookSignature.Sign(Secret, timestamp, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 1;
        Assert.Equal(WebhookVerdict.BadSignature, Check(timestamp, signature, tampered));
        Assert.Equal(WebhookVerdict.BadSignature, Check(Now(1), signature));
        Assert.Equal(WebhookVerdict.BadSignature, Check(timestamp, WebhookSignature.Sign("another-secret", timestamp, Body)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-1700000000")]
    [InlineData("1700000000.5")]
    [InlineData("17000000000000")]
    public void A_missing_or_unreadable_timestamp_is_refused(string? timestamp) =>
        Assert.Equal(WebhookVerdict.MissingTimestamp, Check(timestamp, WebhookSignature.Sign(Secret, timestamp ?? "", Body)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha1=0123")]
    [InlineData("sha256=")]
    [InlineData("sha256=zz23456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void A_missing_or_malformed_signature_is_refused(string? signature) =>
        Assert.Equal(WebhookVerdict.MissingSignature, Check(Now(), signature));

    [Fact]
    public void Fixed_time_text_comparison_tells_equal_from_unequal_keys()
    {
        Assert.True(FixedTime.TextEquals("key-1", "key-1"));
        Assert.False(FixedTime.TextEquals("key-2", "key-1"));
        Assert.False(FixedTime.TextEquals("key-1-longer", "key-1"));
        Assert.False(FixedTime.TextEquals(null, "key-1"));
        Assert.False(FixedTime.TextEquals("", "key-1"));
    }
}
