using System.Globalization;
using System.Text.Json;

namespace Tributary.Tests.Replay;

/// <summary>Request URLs and response readers shared by the Open-Meteo replay tests.</summary>
internal static class OpenMeteoQueries
{
    public const string Oslo = "latitude=59.9139&longitude=10.7522";
    public const string AllVariables = "temperature_2m,apparent_temperature,relative_humidity_2m,wind_speed_10m,precipitation";

    public static string[] VariableNames { get; } = AllVariables.Split(',');

    public static string Forecast(string query) => "/v1/forecast?" + query;

    public static string Archive(string query) => "/v1/archive?" + query;

    public static string[] Times(JsonElement location) =>
        [.. location.GetProperty("hourly").GetProperty("time").EnumerateArray().Select(t => t.GetString()!)];

    public static JsonElement[] Values(JsonElement location, string variable) =>
        [.. location.GetProperty("hourly").GetProperty(variable).EnumerateArray()];

    public static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    /// <summary>Raw values keyed by time label, so windows fetched separately can be compared hour by hour.</summary>
    public static Dictionary<string, string> RawByTime(JsonElement location, string variable) =>
        Times(location).Zip(Values(location, variable), (time, value) => (time, raw: value.GetRawText())).ToDictionary(p => p.time, p => p.raw);

    public static DateTime ParseTime(string label) =>
        DateTime.ParseExact(label, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
