using UmbracoPersonalization.Core.Consent;

namespace UmbracoPersonalization.Core.Tests.Consent;

public class ConsentRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToState_SamePolicyVersion_GrantsChosenPurposesWithTimestamp()
    {
        var record = ConsentRecord.For("2", ConsentPurposes.Analytics | ConsentPurposes.Personalization, At);

        var state = record.ToState("2");

        Assert.True(state.IsDecided);
        Assert.Equal(ConsentPurposes.Necessary | ConsentPurposes.Analytics | ConsentPurposes.Personalization, state.Granted);
        Assert.Equal(At, state.DecidedAt);
        Assert.Equal("2", state.PolicyVersion);
        Assert.Equal(3, state.Decisions.Count);
        Assert.False(state.Decisions.Single(d => d.Purpose == ConsentPurposes.Marketing).Granted);
    }

    [Fact]
    public void ToState_PolicyVersionBumped_IsUndecidedSoTheVisitorIsAskedAgain()
    {
        var record = ConsentRecord.For("1", ConsentPurposes.All, At);

        var state = record.ToState("2");

        Assert.False(state.IsDecided);
        Assert.Equal(ConsentPurposes.Necessary, state.Granted);
        Assert.False(state.AllowsStorage);
    }

    [Fact]
    public void ToState_WithGlobalPrivacyControl_DropsMarketingOnly()
    {
        var state = ConsentRecord.For("1", ConsentPurposes.All, At).ToState("1", globalPrivacyControl: true);

        Assert.False(state.Allows(ConsentPurposes.Marketing));
        Assert.True(state.Allows(ConsentPurposes.Personalization | ConsentPurposes.Analytics));
        Assert.True(state.GlobalPrivacyControl);
    }

    [Fact]
    public void With_LaterDecisionForAPurpose_ReplacesItAndKeepsTheOthers()
    {
        var record = ConsentRecord.For("1", ConsentPurposes.All, At)
            .With(ConsentPurposes.Personalization, false, At.AddDays(1));

        Assert.False(record.DecisionFor(ConsentPurposes.Personalization)!.Granted);
        Assert.Equal(At.AddDays(1), record.DecisionFor(ConsentPurposes.Personalization)!.DecidedAt);
        Assert.True(record.DecisionFor(ConsentPurposes.Marketing)!.Granted);
        Assert.Equal(At.AddDays(1), record.DecidedAt);
    }

    [Fact]
    public void Constructor_NecessaryOrCombinedPurpose_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ConsentRecord("1", [new ConsentDecision(ConsentPurposes.Necessary, true, At)]));
        Assert.Throws<ArgumentException>(() => new ConsentRecord("1", [new ConsentDecision(ConsentPurposes.All, true, At)]));
    }
}
