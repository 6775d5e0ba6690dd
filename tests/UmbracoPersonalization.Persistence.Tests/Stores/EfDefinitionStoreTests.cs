using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Persistence.Stores;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Stores;

public sealed class EfDefinitionStoreTests
{
    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task LoadAsync_OnEmptyDatabase_ReturnsNothingAtVersionZero(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IDefinitionStore>();

        var set = await store.LoadAsync();

        Assert.Empty(set.Segments);
        Assert.Empty(set.Experiences);
        Assert.Equal(0, set.Version);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveThenLoad_RoundTripsSegmentsAndExperiences(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IDefinitionStore>();
        var segment = new SegmentDefinition("runners", "Runners", """{"interests.running":{"$gt":2}}""", 5, "Likes running");
        var experience = FullExperience();

        await store.SaveSegmentAsync(segment);
        await store.SaveSegmentAsync(new SegmentDefinition("all", "Everyone", "{}"));
        await store.SaveExperienceAsync(experience);
        var set = await store.LoadAsync();

        Assert.Equal(["all", "runners"], set.Segments.Select(s => s.Alias));
        Assert.Equal(segment, set.Segments[1]);
        var loaded = Assert.Single(set.Experiences);
        Assert.Equal(experience.Placement, loaded.Placement);
        Assert.Equal(experience.Name, loaded.Name);
        Assert.Equal(experience.DefaultVariantKey, loaded.DefaultVariantKey);
        Assert.Equal(experience.Enabled, loaded.Enabled);
        Assert.Equal(experience.Rules, loaded.Rules);
        Assert.Equal(experience.Variants.Count, loaded.Variants.Count);
        for (var i = 0; i < experience.Variants.Count; i++)
        {
            Assert.Equal(experience.Variants[i] with { Properties = null }, loaded.Variants[i] with { Properties = null });
            Assert.Equal(experience.Variants[i].Properties ?? new Dictionary<string, string>(), loaded.Variants[i].Properties ?? new Dictionary<string, string>());
        }

        var experiment = loaded.Experiment!;
        Assert.Equal(experience.Experiment!.Key, experiment.Key);
        Assert.Equal(experience.Experiment.VariantKeys, experiment.VariantKeys);
        Assert.Equal(experience.Experiment.Weights, experiment.Weights!);
        Assert.Equal(experience.Experiment with { VariantKeys = [], Weights = null }, experiment with { VariantKeys = [], Weights = null });
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryChange_BumpsTheVersion_AndNoOpDeletesDoNot(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (EfDefinitionStore)(await database.MigratedServicesAsync()).GetRequiredService<IDefinitionStore>();
        var versions = new List<long>();

        await store.SaveSegmentAsync(new SegmentDefinition("a", "A", "{}"));
        versions.Add(await store.GetVersionAsync());
        await store.SaveSegmentAsync(new SegmentDefinition("a", "A renamed", "{}"));
        versions.Add(await store.GetVersionAsync());
        await store.SaveExperienceAsync(FullExperience());
        versions.Add(await store.GetVersionAsync());
        Assert.True(await store.DeleteSegmentAsync("a"));
        versions.Add(await store.GetVersionAsync());
        Assert.False(await store.DeleteSegmentAsync("a"));
        versions.Add(await store.GetVersionAsync());
        Assert.True(await store.DeleteExperienceAsync("home-hero"));
        versions.Add(await store.GetVersionAsync());
        Assert.False(await store.DeleteExperienceAsync("home-hero"));
        versions.Add((await store.LoadAsync()).Version);

        Assert.Equal([1L, 2, 3, 4, 4, 5, 5], versions);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveSegmentAsync_WithExistingAlias_ReplacesIt(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IDefinitionStore>();

        await store.SaveSegmentAsync(new SegmentDefinition("a", "A", "{}", 1, "old"));
        await store.SaveSegmentAsync(new SegmentDefinition("a", "B", """{"x":1}""", 2));

        Assert.Equal(new SegmentDefinition("a", "B", """{"x":1}""", 2), Assert.Single((await store.LoadAsync()).Segments));
    }

    private static ExperienceDefinition FullExperience() => new(
        "home-hero",
        "Home hero",
        [
            new VariantDefinition("default", "Default", VariantKind.Html, "<h1>Welcome</h1>"),
            new VariantDefinition("runners", "Runners", VariantKind.Text, "Hi {{ visitor.name }}", IsTemplate: true),
            new VariantDefinition("cta", "CTA", VariantKind.CallToAction, "Sign up", Properties: new Dictionary<string, string> { ["url"] = "/signup", ["label"] = "Go" }),
        ],
        [new ExperienceRule("runners", SegmentAlias: "runners"), new ExperienceRule("cta", Condition: """{"country":"NL"}""")],
        "default",
        new ExperienceExperiment("hero-test", ["default", "cta"], [0.4, 0.6], 0.9, """{"device":"Mobile"}""", "id", 1),
        Enabled: false);
}
