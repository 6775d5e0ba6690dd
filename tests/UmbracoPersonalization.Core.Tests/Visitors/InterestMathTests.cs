using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Visitors;

public class InterestMathTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(7);

    [Theory]
    [InlineData(0, 8.0)]
    [InlineData(7, 4.0)]
    [InlineData(14, 2.0)]
    [InlineData(21, 1.0)]
    [InlineData(3.5, 5.656854249492381)]
    public void Decay_AfterDays_HalvesPerHalfLife(double days, double expected)
    {
        var value = InterestMath.Decay(new InterestScore(8, T0), T0.AddDays(days), HalfLife);
        Assert.Equal(expected, value, 9);
    }

    [Fact]
    public void Decay_BeforeUpdate_ReturnsRawScore()
    {
        Assert.Equal(3.0, InterestMath.Decay(new InterestScore(3, T0), T0.AddDays(-1), HalfLife));
    }

    [Fact]
    public void Decay_NonPositiveHalfLife_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InterestMath.Decay(1, TimeSpan.FromDays(1), TimeSpan.Zero));
    }

    [Fact]
    public void Add_WithoutScore_StartsAtIncrement()
    {
        Assert.Equal(new InterestScore(1, T0), InterestMath.Add(null, 1, T0, HalfLife));
    }

    [Fact]
    public void Add_AfterOneHalfLife_DecaysThenAdds()
    {
        var result = InterestMath.Add(new InterestScore(4, T0), 1, T0.AddDays(7), HalfLife);
        Assert.Equal(3.0, result.Score, 9);
        Assert.Equal(T0.AddDays(7), result.UpdatedAt);
    }

    [Fact]
    public void Add_OutOfOrderEvent_AddsDecayedIncrementAndKeepsTime()
    {
        var result = InterestMath.Add(new InterestScore(4, T0), 2, T0.AddDays(-7), HalfLife);
        Assert.Equal(5.0, result.Score, 9);
        Assert.Equal(T0, result.UpdatedAt);
    }
}
