namespace Tributary.Sources.Gtfs;

/// <summary>
/// Which service ids run on which dates inside a horizon: <c>calendar.txt</c> weekly patterns between start and end
/// dates, then <c>calendar_dates.txt</c> exceptions (1 = added, 2 = removed). Either file may be absent.
/// </summary>
internal sealed class GtfsCalendar
{
    private readonly Dictionary<string, SortedSet<DateOnly>> datesByService = new(StringComparer.Ordinal);

    public static GtfsCalendar Read(GtfsTable feed, DateOnly first, DateOnly last, List<Curation.RejectedRecord> rejected)
    {
        var calendar = new GtfsCalendar();
        if (feed.Has("calendar.txt"))
        {
            foreach (var row in feed.Rows("calendar.txt", "service_id", "start_date", "end_date"))
            {
                var service = row["service_id"];
                var start = GtfsServiceTime.Date(row["start_date"]);
                var end = GtfsServiceTime.Date(row["end_date"]);
                if (service is null || start is null || end is null)
                {
                    rejected.Add(new($"calendar.txt line {row.Line}", "service_id, start_date or end_date is missing or not yyyyMMdd", row.Raw));
                    continue;
                }
                for (var date = Max(start.Value, first); date <= Min(end.Value, last); date = date.AddDays(1))
                {
                    if (row[DayColumn(date.DayOfWeek)] == "1") calendar.Add(service, date);
                }
            }
        }
        if (feed.Has("calendar_dates.txt"))
        {
            foreach (var row in feed.Rows("calendar_dates.txt", "service_id", "date", "exception_type"))
            {
                var service = row["service_id"];
                var date = GtfsServiceTime.Date(row["date"]);
                if (service is null || date is null || row["exception_type"] is not ("1" or "2"))
                {
                    rejected.Add(new($"calendar_dates.txt line {row.Line}", "service_id, date or exception_type is invalid", row.Raw));
                    continue;
                }
                if (date < first || date > last) continue;
                if (row["exception_type"] == "1") calendar.Add(service, date.Value);
                else if (calendar.datesByService.TryGetValue(service, out var dates)) dates.Remove(date.Value);
            }
        }
        return calendar;
    }

    public IReadOnlyCollection<DateOnly> DatesOf(string serviceId) =>
        datesByService.TryGetValue(serviceId, out var dates) ? dates : [];

    private void Add(string service, DateOnly date)
    {
        if (!datesByService.TryGetValue(service, out var dates)) datesByService[service] = dates = [];
        dates.Add(date);
    }

    private static string DayColumn(DayOfWeek day) => day.ToString().ToLowerInvariant();

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
