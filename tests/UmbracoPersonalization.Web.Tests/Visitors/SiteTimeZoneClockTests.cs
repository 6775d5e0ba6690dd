using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.Visitors;

/// <summary>The site time zone's offset remembered per minute gives what converting every instant gives.</summary>
public sealed class SiteTimeZoneClockTests
{
    public static TheoryData<string> Zones => new() { "Europe/Amsterdam", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC" };

    [Theory]
    [MemberData(nameof(Zones))]
    public void AroundTheTransitionsOfAYear_MatchesConvertingEachInstant(string id)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        var clock = new SiteTimeZoneClock(zone);
        var instants = new List<DateTimeOffset>();
        foreach (var transition in Transitions(zone, 2026))
        {
            for (var seconds = -121; seconds <= 121; seconds += 7)
            {
                instants.Add(transition.AddSeconds(seconds));
            }
        }

        // Forwards, then backwards: the remembered minute must never answer for another one.
        Assert.NotEmpty(instants);
        foreach (var instant in instants.Concat(Enumerable.Reverse(instants)))
        {
            var expected = TimeZoneInfo.ConvertTime(instant, zone);
            var actual = clock.ToLocal(instant);
            Assert.Equal(expected.Offset, actual.Offset);
            Assert.Equal(expected.DateTime, actual.DateTime);
        }
    }

    [Fact]
    public void AcrossAmsterdamsSpringForward_TheOffsetChangesOnTheMinute()
    {
        var clock = new SiteTimeZoneClock(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        var change = new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(1), clock.ToLocal(change.AddTicks(-1)).Offset);
        Assert.Equal(TimeSpan.FromHours(2), clock.ToLocal(change).Offset);
        Assert.Equal(TimeSpan.FromHours(1), clock.ToLocal(change.AddSeconds(-30)).Offset);
    }

    /// <summary>The instants (UTC) in <paramref name="year"/> where the zone's offset changes, found minute by minute.</summary>
    private static IEnumerable<DateTimeOffset> Transitions(TimeZoneInfo zone, int year)
    {
        var found = new List<DateTimeOffset> { new(year, 6, 1, 12, 0, 0, TimeSpan.Zero) }; // a quiet instant for zones without any
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var previous = zone.GetUtcOffset(start);
        for (var hour = start; hour.Year == year; hour = hour.AddHours(1))
        {
            var offset = zone.GetUtcOffset(hour);
            if (offset != previous)
            {
                var minute = hour.AddHours(-1);
                while (zone.GetUtcOffset(minute) == previous)
                {
                    minute = minute.AddMinutes(1);
                }

                found.Add(minute);
                previous = offset;
            }
        }

        return found;
    }
}
