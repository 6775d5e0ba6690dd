using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Tests.Support;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Experiences;

/// <summary>The preference centre's choices (pause, topics, removed interests) against decisions.</summary>
public class PersonalizerPreferenceTests
{
    private static readonly ExperienceDefinition Topics = new(
        "topic-hero",
        "Topic hero",
        [TestDefinitions.Variant("default"), TestDefinitions.Variant("bikes"), TestDefinitions.Variant("running")],
        [
            new ExperienceRule("running", Condition: """{"topInterest": "running"}"""),
            new ExperienceRule("bikes", SegmentAlias: "bike-fans"),
        ],
        "default");

    private static VisitorContext Context(Action<VisitorProfile> configure)
    {
        var profile = new VisitorProfile
        {
            VisitorId = "v-1",
            Visits = 3,
            FirstSeen = TestDefinitions.Now.AddDays(-3),
            LastSeen = TestDefinitions.Now.AddHours(-1),
            CategoryInterests = { ["bikes"] = new InterestScore(8, TestDefinitions.Now) },
        };
        configure(profile);
        return new VisitorContext(profile, new RequestContext { Timestamp = TestDefinitions.Now }, new ConsentState(ConsentPurposes.All)) { IsIdentified = true };
    }

    private static Personalizer Personalizer() =>
        TestDefinitions.Personalizer(new DefinitionSet(TestDefinitions.Segments(), [TestDefinitions.Hero(), Topics], 1)).Personalizer;

    [Fact]
    public void Decide_Inferred_BikeFanSeesBikes()
    {
        var decision = Personalizer().Decide("topic-hero", Context(_ => { }));

        Assert.Equal("bikes", decision.Variant!.Key);
    }

    [Fact]
    public void Decide_ChosenTopic_OutranksTheStrongerInferredInterest()
    {
        var decision = Personalizer().Decide("topic-hero", Context(p => p.Topics.Add("running")));

        Assert.Equal("running", decision.Variant!.Key);
    }

    [Fact]
    public void Decide_ChosenTopic_ScoresAtLeastTheStrongestInferredInterest()
    {
        var context = Context(p => p.Topics.Add("hiking"));
        var (_, _, segments) = TestDefinitions.Personalizer();

        Assert.True(segments.GetAttributes(context).TryGetValue(Core.Conditions.AttributePath.Parse("interests.hiking"), out var value));
        Assert.Equal(8, value.NumberValue, 6);
    }

    [Fact]
    public void Decide_RemovedInterest_NoLongerMatchesTheSegment()
    {
        var decision = Personalizer().Decide("topic-hero", Context(p =>
        {
            p.CategoryInterests.Remove("bikes");
            p.SuppressedInterests.Add("bikes");
        }));

        Assert.Equal("default", decision.Variant!.Key);
    }

    [Fact]
    public void Decide_Paused_ShowsDefaultWithTheReason()
    {
        var decision = Personalizer().Decide("home-hero", Context(p => p.PersonalizationPaused = true));

        Assert.Equal("default", decision.Variant!.Key);
        Assert.True(decision.IsFallback);
        Assert.Equal(DecisionReasonKind.Paused, decision.Reasons[0].Kind);
        Assert.Contains("paused", decision.Reasons[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProfileBuilder_SuppressedInterest_IsNeverInferredAgain()
    {
        var builder = new ProfileBuilder(new ProfileOptions());
        var profile = VisitorProfile.CreateNew("v");
        profile.SuppressedInterests.Add("bikes");

        builder.Apply(profile, new Events.VisitorEvent
        {
            Id = Guid.NewGuid(),
            VisitorId = "v",
            Type = Events.VisitorEventType.PageView,
            Timestamp = TestDefinitions.Now,
            Categories = ["bikes", "running"],
        });

        Assert.Equal(["running"], profile.CategoryInterests.Keys);
    }
}
