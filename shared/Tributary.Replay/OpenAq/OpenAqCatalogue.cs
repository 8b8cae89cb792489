namespace Tributary.Replay.OpenAq;

/// <summary>
/// The replay's monitoring stations: three around each demo city (Oslo, Bergen, Trondheim), each measuring pm25, pm10
/// and no2, the first of each city also o3. Ids are stable: location <c>2001 + 10·city + n</c>, sensor
/// <c>30·location-index + 3001 + parameter-slot</c> (see <see cref="All"/>).
/// </summary>
internal static class OpenAqCatalogue
{
    public static readonly AirParameter Pm25 = new(2, "pm25", "\u00B5g/m\u00B3", "PM2.5");
    public static readonly AirParameter Pm10 = new(1, "pm10", "\u00B5g/m\u00B3", "PM10");
    public static readonly AirParameter No2 = new(7, "no2", "ppm", "NO\u2082");
    public static readonly AirParameter O3 = new(10, "o3", "ppm", "O\u2083");

    /// <summary>The first hour any station reports (its <c>datetimeFirst</c>).</summary>
    public static readonly DateTimeOffset FirstHourEnd = new(2016, 1, 1, 1, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<AirLocation> All { get; } = Build();

    public static IReadOnlyDictionary<int, AirSensor> SensorsById { get; } = All.SelectMany(l => l.Sensors).ToDictionary(s => s.Id);

    public static IReadOnlyDictionary<int, AirLocation> LocationsById { get; } = All.ToDictionary(l => l.Id);

    private static List<AirLocation> Build()
    {
        (string City, string Locality, (string Name, double Lat, double Lon)[] Stations)[] cities =
        [
            ("oslo", "Oslo", [("Kirkeveien", 59.9326, 10.7247), ("Alnabru", 59.9275, 10.8463), ("Hjortnes", 59.9133, 10.7046)]),
            ("bergen", "Bergen", [("Danmarksplass", 60.3697, 5.3488), ("R\u00E5dhuset", 60.3928, 5.3248), ("Klosterhaugen", 60.3886, 5.3193)]),
            ("trondheim", "Trondheim", [("Elgeseter", 63.4212, 10.3956), ("E6-Tiller", 63.3628, 10.3832), ("Bakke kirke", 63.4338, 10.4131)]),
        ];
        List<AirLocation> locations = [];
        for (var c = 0; c < cities.Length; c++)
        {
            for (var n = 0; n < cities[c].Stations.Length; n++)
            {
                var (name, lat, lon) = cities[c].Stations[n];
                var location = new AirLocation(2001 + (10 * c) + n, name, cities[c].Locality, lat, lon, cities[c].City);
                var firstSensor = 3001 + (10 * locations.Count);
                location.Sensors.Add(new AirSensor(firstSensor, Pm25, location));
                location.Sensors.Add(new AirSensor(firstSensor + 1, Pm10, location));
                location.Sensors.Add(new AirSensor(firstSensor + 2, No2, location));
                if (n == 0) location.Sensors.Add(new AirSensor(firstSensor + 3, O3, location));
                locations.Add(location);
            }
        }
        return locations;
    }

    /// <summary>Great-circle distance in metres (mean Earth radius).</summary>
    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * 6_371_008.8 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
