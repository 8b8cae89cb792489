using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Tributary.Tests.Replay;

/// <summary>Request URLs and response readers shared by the Open-Meteo replay tests.</summary>
internal static class OpenMeteoQueries
{
    public const string Oslo = "latitude=59.9139&longitude=10.7522";
    public const string AllVariables = "temperature_2m,apparent_temperature,relative_humidity_2m,wind_speed_10m,precipitation";
    public const string Pollutants = "pm2_5,nitrogen_dioxide,ozone";

    public static string Forecast(string query) => "/v1/forecast?" + query;

    public static string AirQuality(string query) => "/v1/air-quality?" + query;

    public static string[] Times(JsonElement location) =>
        [.. location.GetProperty("hourly").GetProperty("time").EnumerateArray().Select(t => t.GetString()!)];

    public static JsonElement[] Values(JsonElement location, string variable) =>
        [.. location.GetProperty("hourly").GetProperty(variable).EnumerateArray()];

    public static Dictionary<string, string> Units(JsonElement location) =>
        location.GetProperty("hourly_units").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    public static DateTime ParseTime(string label) =>
        DateTime.ParseExact(label, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The status and the vendor's error body <c>{"reason":...,"error":true}</c>.</summary>
    public static async Task<(HttpStatusCode Status, string Reason)> ErrorAsync(RunningReplayServer server, string url)
    {
        using var response = await server.GetAsync(url);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(body.GetProperty("error").GetBoolean());
        return (response.StatusCode, body.GetProperty("reason").GetString()!);
    }
}
