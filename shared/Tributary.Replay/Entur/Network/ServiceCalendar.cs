namespace Tributary.Replay.Entur.Network;

/// <summary>Which timetable a service day runs.</summary>
internal enum DayType
{
    Weekday,
    Saturday,
    Sunday,
}

/// <summary>Norwegian service days: Monday-Friday, Saturday, and Sunday timetables, with public holidays on Sunday service.</summary>
internal static class ServiceCalendar
{
    public static DayType DayTypeOf(DateOnly serviceDate) =>
        IsPublicHoliday(serviceDate) ? DayType.Sunday : serviceDate.DayOfWeek switch
        {
            DayOfWeek.Saturday => DayType.Saturday,
            DayOfWeek.Sunday => DayType.Sunday,
            _ => DayType.Weekday,
        };

    /// <summary>The timetable the day's weekday would run without a holiday.</summary>
    public static DayType RegularDayTypeOf(DateOnly serviceDate) => serviceDate.DayOfWeek switch
    {
        DayOfWeek.Saturday => DayType.Saturday,
        DayOfWeek.Sunday => DayType.Sunday,
        _ => DayType.Weekday,
    };

    public static string NameOf(DayType dayType) => dayType switch
    {
        DayType.Weekday => "Weekday",
        DayType.Saturday => "Saturday",
        DayType.Sunday => "Sunday",
        _ => throw new ArgumentOutOfRangeException(nameof(dayType), dayType, null),
    };

    /// <summary>Norway's public holidays (helligdager): fixed dates plus the Easter-based ones.</summary>
    public static bool IsPublicHoliday(DateOnly date)
    {
        if ((date.Month, date.Day) is (1, 1) or (5, 1) or (5, 17) or (12, 25) or (12, 26))
        {
            return true;
        }

        var easter = EasterSunday(date.Year);
        var fromEaster = date.DayNumber - easter.DayNumber;
        return fromEaster is -3 or -2 or 0 or 1 or 39 or 49 or 50;
    }

    /// <summary>Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
