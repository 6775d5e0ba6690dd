namespace UmbracoPersonalization.Web.Visitors;

/// <summary>
/// Converts instants to a site time zone, remembering the zone's UTC offset for the minute last asked for:
/// <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/> looks up the zone's adjustment rules every
/// time, and every request's timestamp is converted. Offsets change only at transitions, which fall on whole minutes,
/// so the result is the same as converting each instant.
/// </summary>
internal sealed class SiteTimeZoneClock(TimeZoneInfo zone)
{
    private Window? _window;

    public DateTimeOffset ToLocal(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var window = Volatile.Read(ref _window);
        if (window is null || ticks < window.Start || ticks >= window.End)
        {
            var start = ticks - (ticks % TimeSpan.TicksPerMinute);
            window = new Window(start, start + TimeSpan.TicksPerMinute, zone.GetUtcOffset(new DateTimeOffset(start, TimeSpan.Zero)));
            Volatile.Write(ref _window, window); // racing writers compute the same window for the same minute
        }

        return instant.ToOffset(window.Offset);
    }

    private sealed record Window(long Start, long End, TimeSpan Offset);
}
