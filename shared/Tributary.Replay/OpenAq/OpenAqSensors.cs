namespace Tributary.Replay.OpenAq;

/// <summary>An OpenAQ parameter: <c>2</c> pm25 and <c>1</c> pm10 in µg/m³ (U+00B5 MICRO SIGN, as OpenAQ writes it), <c>7</c> no2 and <c>10</c> o3 in ppm.</summary>
internal sealed record AirParameter(int Id, string Name, string Units);

/// <summary>One sensor of a monitoring station; its id is what <c>/v3/sensors/{id}/hours</c> takes.</summary>
internal sealed record AirSensor(int Id, AirParameter Parameter, string Station);

/// <summary>
/// The replay's stations: three around each demo city (Oslo, Bergen, Trondheim), each measuring pm25, pm10 and no2,
/// the first of each city also o3. Sensor ids are stable: <c>3001 + 10·station + slot</c> (pm25, pm10, no2, o3).
/// </summary>
internal static class OpenAqSensors
{
    private static readonly AirParameter[] Parameters =
        [new(2, "pm25", "\u00B5g/m\u00B3"), new(1, "pm10", "\u00B5g/m\u00B3"), new(7, "no2", "ppm"), new(10, "o3", "ppm")];

    private static readonly string[] Stations =
        ["Kirkeveien", "Alnabru", "Hjortnes", "Danmarksplass", "R\u00E5dhuset", "Klosterhaugen", "Elgeseter", "E6-Tiller", "Bakke kirke"];

    public static IReadOnlyDictionary<int, AirSensor> ById { get; } = Stations
        .SelectMany((station, index) => Parameters.Take(index % 3 == 0 ? 4 : 3).Select((parameter, slot) => new AirSensor(3001 + (10 * index) + slot, parameter, station)))
        .ToDictionary(sensor => sensor.Id);

    /// <summary>The first hour any station reports.</summary>
    public static DateTimeOffset FirstHourEnd { get; } = new(2016, 1, 1, 1, 0, 0, TimeSpan.Zero);
}
