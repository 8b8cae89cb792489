namespace Tributary.Replay.OpenMeteo;

/// <summary>
/// How many calls a request counts as against the rate limits, by the vendor's formula: per location
/// <c>max(1, variables/10, variables/10 * days/14)</c>, summed over locations.
/// </summary>
internal static class QueryWeight
{
    private const float ReferenceDays = 14;
    private const float ReferenceVariables = 10;

    public static double Of(ForecastRequest request, IReadOnlyList<LocationForecast> forecasts) =>
        forecasts.Sum(forecast =>
        {
            var variablesFraction = request.Hourly.Count / ReferenceVariables;
            var timeFraction = forecast.Window.Days / ReferenceDays;
            return (double)Math.Max(1f, Math.Max(variablesFraction, timeFraction * variablesFraction));
        });
}
