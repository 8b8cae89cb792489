namespace Tributary.Replay.OpenMeteo;

/// <summary>What a weather variable measures; decides which unit switch applies to it.</summary>
internal enum Quantity
{
    Temperature,
    RelativeHumidity,
    WindSpeed,
    Precipitation,
}
