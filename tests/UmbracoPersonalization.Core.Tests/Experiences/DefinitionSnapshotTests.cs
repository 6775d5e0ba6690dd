using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Tests.Support;

namespace UmbracoPersonalization.Core.Tests.Experiences;

public class DefinitionSnapshotTests
{
    [Fact]
    public void Compile_ValidSet_IndexesSegmentsAndExperiences()
    {
        var snapshot = DefinitionSnapshot.Compile(TestDefinitions.Set());

        Assert.Equal(3, snapshot.Segments.Count);
        Assert.True(snapshot.TryGetSegment("BIKE-FANS", out var segment));
        Assert.Equal(2, segment.Index);
        Assert.True(snapshot.TryGetExperience("Home-Hero", out var experience));
        Assert.Equal(3, experience.Rules.Count);
        Assert.Equal(0, experience.Rules[1].SegmentIndex);
        Assert.NotNull(experience.Rules[2].Condition);
        Assert.True(experience.TryGetVariant("WELCOME-BACK", out _));
        Assert.Equal(1, snapshot.Version);
    }

    [Fact]
    public void Empty_HasNothing()
    {
        Assert.Empty(DefinitionSnapshot.Empty.Segments);
        Assert.Empty(DefinitionSnapshot.Empty.Experiences);
        Assert.Empty(DefinitionSnapshot.Empty.Placements);
    }

    [Fact]
    public void Compile_SeveralExperiences_ListsPlacementsInOrdinalOrder()
    {
        var snapshot = DefinitionSnapshot.Compile(TestDefinitions.Set(
            TestDefinitions.Hero() with { Placement = "shop-banner" },
            TestDefinitions.Hero() with { Placement = "Home-cta" },
            TestDefinitions.Hero()));

        Assert.Equal(["Home-cta", "home-hero", "shop-banner"], snapshot.Placements);
    }

    [Fact]
    public void Compile_InvalidSegmentCondition_NamesAliasFieldAndJsonPath()
    {
        var set = new DefinitionSet([new SegmentDefinition("broken", "Broken", """{"visits": {"$foo": 1}}""")], []);

        var exception = Assert.Throws<DefinitionValidationException>(() => DefinitionSnapshot.Compile(set));

        Assert.Equal("segments[0].condition", exception.Field);
        Assert.Equal("broken", exception.Owner);
        Assert.Equal("$.visits.$foo", exception.JsonPath);
        Assert.Contains("'broken'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("$.visits.$foo", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SegmentConditionNotJson_NamesAlias()
    {
        var set = new DefinitionSet([new SegmentDefinition("broken", "Broken", "{visits")], []);
        var exception = Assert.Throws<DefinitionValidationException>(() => DefinitionSnapshot.Compile(set));
        Assert.Equal("broken", exception.Owner);
        Assert.Equal("segments[0].condition", exception.Field);
    }

    public static TheoryData<string, DefinitionSet> InvalidSets()
    {
        var segments = TestDefinitions.Segments();
        var hero = TestDefinitions.Hero();
        return new TheoryData<string, DefinitionSet>
        {
            { "segments[1].alias", new([segments[0], segments[0] with { Alias = "RETURNING-VISITORS" }], []) },
            { "segments[0].alias", new([segments[0] with { Alias = "Not Valid" }], []) },
            { "segments[0].condition", new([segments[0] with { Condition = " " }], []) },
            { "experiences[1].placement", new(segments, [hero, hero with { Placement = "HOME-HERO" }]) },
            { "experiences[home-hero].rules[0].segmentAlias", new(segments, [hero with { Rules = [new ExperienceRule("default", SegmentAlias: "nobody")] }]) },
            { "experiences[home-hero].rules[0].variantKey", new(segments, [hero with { Rules = [new ExperienceRule("nope", SegmentAlias: "bike-fans")] }]) },
            { "experiences[home-hero].rules[0]", new(segments, [hero with { Rules = [new ExperienceRule("default", "bike-fans", "{}")] }]) },
            { "experiences[home-hero].rules[0].condition", new(segments, [hero with { Rules = [new ExperienceRule("default", Condition: """{"$or": 1}""")] }]) },
            { "experiences[home-hero].defaultVariantKey", new(segments, [hero with { DefaultVariantKey = "missing" }]) },
            { "experiences[home-hero].variants[1].key", new(segments, [hero with { Variants = [TestDefinitions.Variant("x"), TestDefinitions.Variant("X")], DefaultVariantKey = "x", Rules = [] }]) },
            { "experiences[home-hero].experiment.variantKeys[1]", new(segments, [hero with { Experiment = new ExperienceExperiment("exp", ["a", "zzz"]) }]) },
            { "experiences[home-hero].experiment.weights", new(segments, [hero with { Experiment = new ExperienceExperiment("exp", ["a", "b"], [0.9, 0.9]) }]) },
            { "experiences[home-hero].experiment.coverage", new(segments, [hero with { Experiment = new ExperienceExperiment("exp", ["a", "b"], Coverage: 1.5) }]) },
            { "experiences[home-hero].experiment.hashVersion", new(segments, [hero with { Experiment = new ExperienceExperiment("exp", ["a", "b"], HashVersion: 3) }]) },
            { "experiences[home-hero].experiment.key", new(segments, [hero with { Experiment = new ExperienceExperiment("", ["a", "b"]) }]) },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidSets))]
    public void Compile_InvalidDefinition_ThrowsNamingTheField(string field, DefinitionSet set)
    {
        var exception = Assert.Throws<DefinitionValidationException>(() => DefinitionSnapshot.Compile(set));
        Assert.Equal(field, exception.Field);
        Assert.StartsWith("'", exception.Message, StringComparison.Ordinal);
    }
}
