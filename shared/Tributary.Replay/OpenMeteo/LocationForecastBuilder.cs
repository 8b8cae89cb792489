using Microsoft.Extensions.Options;

namespace Tributary.Replay.OpenMeteo;

/// <summary>Turns a validated request into per-location windows filled from the <see cref="WeatherGenerator"/>.</summary>
internal sealed class LocationForecastBuilder(WeatherGenerator generator, IOptions<OpenMeteoOptions> options)
{
    public IReadOnlyList<LocationForecast> Build(ForecastRequest request, DateTimeOffset now)
    {
        var lastArchivedHour = (now.ToUnixTimeSeconds() / 3600) - (options.Value.ArchiveLagDays * 24L);
        return [.. request.Locations.Select(location => Build(request, location, now, lastArchivedHour))];
    }

    private LocationForecast Build(ForecastRequest request, RequestedLocation location, DateTimeOffset now, long lastArchivedHour)
    {
        var cell = GridCell.Nearest(location.Latitude, location.Longitude);
        var utcOffsetSeconds = location.Zone.UtcOffsetSecondsAt(now);
        var window = location.Dates is { } dates
            ? HourlyWindow.ForDates(dates, utcOffsetSeconds)
            : HourlyWindow.AroundToday(now, utcOffsetSeconds, request.PastDays, request.ForecastDays);

        var hours = new HourlyWeather?[window.Hours];
        for (var index = 0; index < hours.Length; index++)
        {
            var utcHour = window.UtcHourAt(index);
            var notYetArchived = request.Api == OpenMeteoApi.Archive && utcHour > lastArchivedHour;
            hours[index] = notYetArchived ? null : generator.At(cell, utcHour);
        }

        return new LocationForecast(location, cell, generator.ElevationMetres(cell), window, hours);
    }
}
