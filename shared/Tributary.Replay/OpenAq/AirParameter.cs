namespace Tributary.Replay.OpenAq;

/// <summary>An OpenAQ parameter: <c>2</c> pm25 and <c>1</c> pm10 in µg/m³ (written with U+00B5 MICRO SIGN, as OpenAQ does), <c>7</c> no2 and <c>10</c> o3 in ppm.</summary>
internal sealed record AirParameter(int Id, string Name, string Units, string DisplayName);
