using UmbracoPersonalization.Web.Caching;

namespace UmbracoPersonalization.Web.Tests.Caching;

public class BoundedMemoTests
{
    [Fact]
    public void AKnownKey_IsNotComputedAgain()
    {
        var memo = new BoundedMemo<string, int>(10, StringComparer.Ordinal);
        var computed = 0;

        var first = memo.GetOrAdd("a", 0, (key, _) => ++computed);
        var second = memo.GetOrAdd("a", 0, (key, _) => ++computed);

        Assert.Equal(1, first);
        Assert.Equal(1, second);
        Assert.Equal(1, computed);
    }

    [Fact]
    public void ManyDistinctKeys_NeverHoldMoreThanTheCapacity_AndStillGiveTheRightValues()
    {
        var memo = new BoundedMemo<int, int>(8);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(i * 2, memo.GetOrAdd(i, 2, static (key, factor) => key * factor));
            Assert.InRange(memo.Count, 1, 8);
        }
    }

    [Fact]
    public void AKeyTheTestRejects_IsComputedEveryTimeAndNeverKept()
    {
        var memo = new BoundedMemo<string, int>(10, StringComparer.Ordinal, static key => key.Length <= 4);
        var computed = 0;
        var huge = new string('x', 5000);

        Assert.Equal(1, memo.GetOrAdd(huge, 0, (_, _) => ++computed));
        Assert.Equal(2, memo.GetOrAdd(huge, 0, (_, _) => ++computed));
        Assert.Equal(0, memo.Count);

        Assert.Equal(3, memo.GetOrAdd("ok", 0, (_, _) => ++computed));
        Assert.Equal(3, memo.GetOrAdd("ok", 0, (_, _) => ++computed));
        Assert.Equal(1, memo.Count);
    }

    [Fact]
    public void ACapacityBelowOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedMemo<int, int>(0));
}
