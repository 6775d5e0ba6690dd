using UmbracoPersonalization.Core.Consent;

namespace UmbracoPersonalization.Core.Tests.Consent;

public class ConsentStateTests
{
    [Fact]
    public void AllowsStorage_WhenUndecided_IsFalse()
    {
        Assert.False(ConsentState.Undecided.AllowsStorage);
        Assert.True(ConsentState.Undecided.Allows(ConsentPurposes.Necessary));
    }

    [Theory]
    [InlineData(ConsentPurposes.Necessary | ConsentPurposes.Analytics, true)]
    [InlineData(ConsentPurposes.Necessary | ConsentPurposes.Personalization, true)]
    [InlineData(ConsentPurposes.Necessary | ConsentPurposes.Marketing, false)]
    public void AllowsStorage_DependsOnAnalyticsOrPersonalization(ConsentPurposes granted, bool expected)
    {
        Assert.Equal(expected, new ConsentState(granted).AllowsStorage);
    }

    [Fact]
    public void Allows_WithCombinedMask_RequiresEveryFlag()
    {
        var state = new ConsentState(ConsentPurposes.Necessary | ConsentPurposes.Analytics);
        Assert.False(state.Allows(ConsentPurposes.Analytics | ConsentPurposes.Marketing));
    }
}
