using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Tests.Support;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Experiences;

public class PersonalizerTests
{
    private static readonly ExperienceExperiment Experiment = new("hero-test", ["a", "b"]);

    private static string[] Messages(Decision decision) => decision.Reasons.Select(r => r.ToString()).ToArray();

    [Fact]
    public void Decide_FirstMatchingRule_Wins()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer();

        // Matches rule 1 (newsletter) and rule 2 (returning): the first wins.
        var decision = personalizer.Decide("home-hero", TestDefinitions.Context(visits: 3, utmSource: "newsletter"));

        Assert.Equal("newsletter", decision.Variant!.Key);
        Assert.False(decision.IsFallback);
        Assert.Equal(["RuleMatched: rule 1 (segment from-newsletter): matched, variant 'newsletter'"], Messages(decision));
    }

    [Fact]
    public void Decide_LaterRuleMatches_ExplainsEveryRuleChecked()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer();

        var decision = personalizer.Decide("home-hero", TestDefinitions.Context(device: DeviceClass.Mobile));

        Assert.Equal("mobile", decision.Variant!.Key);
        Assert.Equal(
            [
                "RuleNotMatched: rule 1 (segment from-newsletter): not matched",
                "RuleNotMatched: rule 2 (segment returning-visitors): not matched",
                "RuleMatched: rule 3 (condition): matched, variant 'mobile'",
            ],
            Messages(decision));
    }

    [Fact]
    public void Decide_WhenNoRuleMatches_ReturnsDefaultWithReason()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer();

        var decision = personalizer.Decide("home-hero", TestDefinitions.Context());

        Assert.Equal("default", decision.Variant!.Key);
        Assert.True(decision.IsFallback);
        Assert.Equal(4, decision.Reasons.Count);
        Assert.Equal("Fallback: fallback: no rule matched; default variant 'default'", decision.Reasons[^1].ToString());
    }

    [Fact]
    public void Decide_UnknownPlacement_ReturnsNoVariantWithFallbackReason()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer();

        var decision = personalizer.Decide("nowhere", TestDefinitions.Context());

        Assert.Null(decision.Variant);
        Assert.True(decision.IsFallback);
        Assert.Equal(["Fallback: fallback: unknown placement 'nowhere'; no variant"], Messages(decision));
    }

    [Fact]
    public void Decide_DisabledExperience_ReturnsDefault()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer(TestDefinitions.Set(TestDefinitions.Hero(enabled: false)));

        var decision = personalizer.Decide("home-hero", TestDefinitions.Context(visits: 5));

        Assert.Equal("default", decision.Variant!.Key);
        Assert.Equal(["Fallback: fallback: experience disabled; default variant 'default'"], Messages(decision));
    }

    [Fact]
    public void Decide_PreviewSegment_ForcesMembership()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer();

        // A returning newsletter visitor previewed as "returning-visitors" only.
        var decision = personalizer.Decide("home-hero", TestDefinitions.Context(visits: 1, preview: "returning-visitors"));

        Assert.Equal("welcome-back", decision.Variant!.Key);
        Assert.Equal(DecisionReasonKind.Preview, decision.Reasons[^1].Kind);
        Assert.Equal(DecisionReasonKind.RuleNotMatched, decision.Reasons[0].Kind);
    }

    [Fact]
    public void Decide_PreviewOfUnknownSegment_MatchesNoSegmentRule()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer();

        var decision = personalizer.Decide("home-hero", TestDefinitions.Context(visits: 3, utmSource: "newsletter", preview: "nobody"));

        Assert.Equal("default", decision.Variant!.Key);
    }

    [Fact]
    public void Decide_FailureWhileDeciding_ReturnsDefaultWithReasonAndNeverThrows()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer();
        var broken = new VisitorContext(null!, new RequestContext(), ConsentState.Undecided);

        var decision = personalizer.Decide("home-hero", broken);

        Assert.Equal("default", decision.Variant!.Key);
        Assert.True(decision.IsFallback);
        Assert.StartsWith("fallback: error while deciding (NullReferenceException", decision.Reasons.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NullContext_ReturnsFallbackWithoutVariant()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer();
        var decision = personalizer.Decide(null!, null!);
        Assert.True(decision.IsFallback);
    }

    [Fact]
    public void Decide_ExperimentAfterNoRule_AssignsStableArm()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer(TestDefinitions.Set(TestDefinitions.Hero(Experiment)));

        var first = personalizer.Decide("home-hero", TestDefinitions.Context(visitorId: "abc"));
        var again = personalizer.Decide("home-hero", TestDefinitions.Context(visitorId: "abc"));

        Assert.Equal("hero-test", first.ExperimentKey);
        Assert.NotNull(first.ExperimentArm);
        Assert.Same(first, again);
        Assert.Equal(Experiment.VariantKeys[first.ExperimentArm!.Value], first.Variant!.Key);
        Assert.Equal(DecisionReasonKind.ExperimentAssigned, first.Reasons[^1].Kind);
        Assert.False(first.IsFallback);
    }

    [Fact]
    public void Decide_Experiment_MatchesGrowthBookBucketing()
    {
        var (personalizer, holder, _) = TestDefinitions.Personalizer(TestDefinitions.Set(TestDefinitions.Hero(Experiment)));
        var experiment = holder.Current.Experiences["home-hero"].Experiment!;
        var arms = new int[2];

        for (var i = 0; i < 2000; i++)
        {
            var id = $"visitor-{i}";
            var decision = personalizer.Decide("home-hero", TestDefinitions.Context(visitorId: id));
            var expected = experiment.ChooseArm(id);
            Assert.Equal(expected, decision.ExperimentArm);
            arms[expected]++;
        }

        Assert.InRange(arms[0], 900, 1100);
    }

    [Fact]
    public void Decide_RuleMatched_SkipsExperiment()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer(TestDefinitions.Set(TestDefinitions.Hero(Experiment)));
        var decision = personalizer.Decide("home-hero", TestDefinitions.Context(visits: 2));
        Assert.Null(decision.ExperimentKey);
        Assert.Equal("welcome-back", decision.Variant!.Key);
    }

    public static TheoryData<string, ExperienceExperiment, bool, ConsentPurposes> SkipCases => new()
    {
        { "visitor not identified (no consent)", Experiment, false, ConsentPurposes.All },
        { "no analytics consent", Experiment, true, ConsentPurposes.Necessary | ConsentPurposes.Personalization },
        { "targeting condition not matched", Experiment with { Condition = """{"country": "NL"}""" }, true, ConsentPurposes.All },
        { "no value for hash attribute 'memberKey'", Experiment with { HashAttribute = "memberKey" }, true, ConsentPurposes.All },
        { "visitor outside coverage", Experiment with { Coverage = 0 }, true, ConsentPurposes.All },
    };

    [Theory]
    [MemberData(nameof(SkipCases))]
    public void Decide_ExperimentSkipped_ReturnsDefaultWithBothReasons(string why, ExperienceExperiment experiment, bool identified, ConsentPurposes consent)
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer(TestDefinitions.Set(TestDefinitions.Hero(experiment)));

        var decision = personalizer.Decide("home-hero", TestDefinitions.Context(identified: identified, consent: consent));

        Assert.Equal("default", decision.Variant!.Key);
        Assert.True(decision.IsFallback);
        Assert.Null(decision.ExperimentArm);
        Assert.Equal($"experiment hero-test: skipped, {why}", decision.Reasons[^2].Message);
        Assert.Equal(DecisionReasonKind.ExperimentSkipped, decision.Reasons[^2].Kind);
        Assert.Equal("fallback: no rule matched and the experiment assigned no arm; default variant 'default'", decision.Reasons[^1].Message);
    }

    [Fact]
    public void Decide_ManyPlacements_EvaluateEachSegmentOncePerRequest()
    {
        var (personalizer, _, segments) = TestDefinitions.Personalizer();
        var context = TestDefinitions.Context(visits: 3);

        var first = personalizer.Decide("home-hero", context);
        var state = segments.GetState(context, TestDefinitions.Personalizer().Holder.Current);
        var again = personalizer.Decide("home-hero", context);

        Assert.Same(first, again);
        Assert.NotNull(state);
    }

    [Fact]
    public void IsInSegment_KnownAndUnknownAliases_Answer()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer();
        var context = TestDefinitions.Context(visits: 3);

        Assert.True(personalizer.IsInSegment("returning-visitors", context));
        Assert.False(personalizer.IsInSegment("from-newsletter", context));
        Assert.False(personalizer.IsInSegment("nobody", context));
        Assert.False(personalizer.IsInSegment(null!, context));
    }

    [Fact]
    public void IsInSegment_VisitorPausedPersonalization_IsInNoSegment_UnlessAnEditorPreviewsOne()
    {
        var (personalizer, _, _) = TestDefinitions.Personalizer();
        var paused = TestDefinitions.Context(visits: 3);
        paused.Profile.PersonalizationPaused = true;
        var previewed = TestDefinitions.Context(visits: 3, preview: "returning-visitors");
        previewed.Profile.PersonalizationPaused = true;

        Assert.False(personalizer.IsInSegment("returning-visitors", paused));
        Assert.True(personalizer.IsInSegment("returning-visitors", previewed));
    }

    [Fact]
    public void Decide_AfterSnapshotSwap_UsesNewDefinitions()
    {
        var (personalizer, holder, _) = TestDefinitions.Personalizer();
        var context = TestDefinitions.Context(visits: 3);
        Assert.Equal("welcome-back", personalizer.Decide("home-hero", context).Variant!.Key);

        holder.Update(TestDefinitions.Set(TestDefinitions.Hero(enabled: false)) with { Version = 2 });

        Assert.Equal("default", personalizer.Decide("home-hero", context).Variant!.Key);
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        var holder = new DefinitionSnapshotHolder();
        var segments = new SegmentEvaluator(holder, Options.Create(new ProfileOptions()));
        Assert.Throws<ArgumentNullException>(() => new Personalizer(null!, segments, NullLogger<Personalizer>.Instance));
    }
}
