using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Consent.Tcf;

namespace UmbracoPersonalization.Core.Tests.Consent.Tcf;

public class TcfPurposeMappingTests
{
    private static TcString Decode(params int[] purposes)
    {
        Assert.True(TcStringDecoder.TryDecode(new TcStringBuilder { Purposes = purposes }.Build(), out var tc));
        return tc;
    }

    [Fact]
    public void ToState_Purposes134_GrantEverything()
    {
        var state = TcfPurposeMapping.Default.ToState(Decode(1, 3, 4));

        Assert.Equal(ConsentPurposes.All, state.Granted);
        Assert.Equal("tcf-4", state.PolicyVersion);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero), state.DecidedAt);
    }

    [Fact]
    public void ToState_PurposeOneOnly_GrantsAnalyticsOnly()
    {
        var state = TcfPurposeMapping.Default.ToState(Decode(1));

        Assert.Equal(ConsentPurposes.Necessary | ConsentPurposes.Analytics, state.Granted);
        Assert.True(state.IsDecided);
    }

    [Fact]
    public void ToState_ProfilesWithoutStorageAccess_GrantNothing()
    {
        var state = TcfPurposeMapping.Default.ToState(Decode(3, 4, 5, 6));

        Assert.Equal(ConsentPurposes.Necessary, state.Granted);
        Assert.False(state.AllowsStorage);
    }

    [Fact]
    public void ToState_PurposeFourMissing_NoPersonalizationOrMarketing()
    {
        var state = TcfPurposeMapping.Default.ToState(Decode(1, 3));

        Assert.False(state.Allows(ConsentPurposes.Personalization));
        Assert.False(state.Allows(ConsentPurposes.Marketing));
    }

    [Fact]
    public void ToState_GlobalPrivacyControl_DropsMarketing()
    {
        var state = TcfPurposeMapping.Default.ToState(Decode(1, 3, 4), globalPrivacyControl: true);

        Assert.True(state.Allows(ConsentPurposes.Personalization));
        Assert.False(state.Allows(ConsentPurposes.Marketing));
    }

    [Fact]
    public void ToState_CustomMapping_UsesContentPersonalisationPurposes()
    {
        var mapping = new TcfPurposeMapping { Personalization = [1, 5, 6] };

        Assert.True(mapping.ToState(Decode(1, 5, 6)).Allows(ConsentPurposes.Personalization));
        Assert.False(mapping.ToState(Decode(1, 3, 4)).Allows(ConsentPurposes.Personalization));
    }
}
