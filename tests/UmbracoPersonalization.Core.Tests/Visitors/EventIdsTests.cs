using UmbracoPersonalization.Core.Events;

namespace UmbracoPersonalization.Core.Tests.Visitors;

public class EventIdsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 19, 30, 15, 123, TimeSpan.FromHours(1));

    [Fact]
    public void NewVersion7_HasVersionVariantAndTheTimestampPrefix()
    {
        var id = EventIds.NewVersion7(At);

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2); // RFC 9562 variant: the two top bits are 10
        var text = id.ToString("N");
        Assert.Equal(At.ToUnixTimeMilliseconds(), Convert.ToInt64(text[..12], 16));
    }

    [Fact]
    public void NewVersion7_SameLayoutAsTheFrameworks()
    {
        var ours = EventIds.NewVersion7(At);
        var framework = Guid.CreateVersion7(At);

        Assert.Equal(framework.ToString("N")[..13], ours.ToString("N")[..13]); // the time prefix and the version nibble
        Assert.Equal(framework.Variant >> 2, ours.Variant >> 2);
    }

    [Fact]
    public void NewVersion7_LaterMillisecond_SortsAfter()
    {
        var earlier = EventIds.NewVersion7(At);
        var later = EventIds.NewVersion7(At.AddMilliseconds(1));

        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0);
        Assert.True(earlier.CompareTo(later) < 0);
    }

    [Fact]
    public void NewVersion7_ManyInTheSameMillisecond_AreDistinct()
    {
        var ids = new HashSet<Guid>();
        for (var i = 0; i < 100_000; i++)
        {
            Assert.True(ids.Add(EventIds.NewVersion7(At)));
        }
    }

    [Fact]
    public void NewVersion7_BeforeTheEpoch_NamesTheArgument()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => EventIds.NewVersion7(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));
        Assert.Equal("timestamp", ex.ParamName);
    }
}
