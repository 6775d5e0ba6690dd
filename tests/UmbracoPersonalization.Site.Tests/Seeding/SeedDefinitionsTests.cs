using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.DependencyInjection;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Templating;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Site.Seeding;

namespace UmbracoPersonalization.Site.Tests.Seeding;

/// <summary>The demo's definitions, compiled and decided by the real engine (no web host).</summary>
public sealed class SeedDefinitionsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 20, 9, 30, 0, TimeSpan.FromHours(2));

    private readonly ServiceProvider _services;
    private readonly IPersonalizer _personalizer;

    public SeedDefinitionsTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPersonalizationCore();
        _services = services.BuildServiceProvider();
        _services.GetRequiredService<DefinitionSnapshotHolder>()
            .Update(new DefinitionSet(SeedDefinitions.Segments, SeedDefinitions.Experiences, Version: 1));
        _personalizer = _services.GetRequiredService<IPersonalizer>();
    }

    [Fact]
    public void Seeds_CompileWithoutErrors()
    {
        var snapshot = DefinitionSnapshot.Compile(new DefinitionSet(SeedDefinitions.Segments, SeedDefinitions.Experiences));

        Assert.Equal(SeedDefinitions.Segments.Count, snapshot.Segments.Count);
        Assert.True(snapshot.TryGetExperience("home-hero", out _));
        Assert.True(snapshot.TryGetExperience("home-cta", out _));
    }

    [Fact]
    public void NewVisitor_GetsTheDefaultHero() => Assert.Equal("default", Hero(Visitor()));

    [Theory]
    [InlineData("spring")]
    [InlineData("spring-2026")]
    public void SpringCampaign_GetsTheSpringHero(string campaign) =>
        Assert.Equal("spring", Hero(Visitor(request: r => r with { Utm = new UtmParameters(Campaign: campaign) })));

    [Theory]
    [InlineData("bikes")]
    [InlineData("running")]
    [InlineData("camping")]
    public void ThreeRecentViewsOfACategory_GetThatCategorysHero(string category) =>
        Assert.Equal(category, Hero(Visitor(profile: p => p.CategoryInterests[category] = new InterestScore(3, Now.AddMinutes(-5)))));

    [Fact]
    public void TwoViewsOfACategory_AreNotEnough() =>
        Assert.Equal("default", Hero(Visitor(profile: p => p.CategoryInterests["bikes"] = new InterestScore(2, Now))));

    [Fact]
    public void PickedTopic_OutranksAnInferredInterest() =>
        Assert.Equal("camping", Hero(Visitor(profile: p =>
        {
            p.CategoryInterests["bikes"] = new InterestScore(4, Now.AddMinutes(-5));
            p.Topics.Add("camping");
        })));

    [Fact]
    public void PickedTopic_WithoutBrowsing_GetsThatTopicsHero() =>
        Assert.Equal("running", Hero(Visitor(profile: p => p.Topics.Add("running"))));

    [Fact]
    public void InterestInTwoCategories_TheStrongerWins() =>
        Assert.Equal("running", Hero(Visitor(profile: p =>
        {
            p.CategoryInterests["bikes"] = new InterestScore(3, Now.AddMinutes(-5));
            p.CategoryInterests["running"] = new InterestScore(4, Now.AddMinutes(-5));
        })));

    [Fact]
    public void PausedPersonalization_GetsTheDefaultHero() =>
        Assert.Equal("default", Hero(Visitor(profile: p =>
        {
            p.CategoryInterests["bikes"] = new InterestScore(4, Now.AddMinutes(-5));
            p.Topics.Add("bikes");
            p.PersonalizationPaused = true;
        })));

    [Fact]
    public void ReturningVisitor_GetsTheWelcomeBackHero() =>
        Assert.Equal("welcome-back", Hero(Visitor(profile: p => p.Visits = 2)));

    [Fact]
    public void SpringCampaign_OutranksCategoryInterest() =>
        Assert.Equal("spring", Hero(Visitor(
            profile: p => p.CategoryInterests["camping"] = new InterestScore(5, Now),
            request: r => r with { Utm = new UtmParameters(Campaign: "spring") })));

    [Fact]
    public void HomeCta_GreetsByTheTimeOfDay()
    {
        var decision = _personalizer.Decide("home-cta", Visitor());
        var result = _services.GetRequiredService<LiquidRenderer>().RenderVariant(decision.Variant!, Visitor());

        Assert.StartsWith("Good morning!", result.Html, StringComparison.Ordinal);
        Assert.False(result.IsFallback, result.Error);
    }

    private string? Hero(VisitorContext context) => _personalizer.Decide("home-hero", context).Variant?.Key;

    private static VisitorContext Visitor(Action<VisitorProfile>? profile = null, Func<RequestContext, RequestContext>? request = null)
    {
        var p = VisitorProfile.CreateNew("0123456789abcdef0123456789abcdef");
        p.Visits = 1;
        p.FirstSeen = Now.AddMinutes(-10);
        p.LastSeen = Now.AddMinutes(-1);
        profile?.Invoke(p);
        var r = new RequestContext { Timestamp = Now, Path = "/", Url = "http://localhost/" };
        return new VisitorContext(p, request?.Invoke(r) ?? r, new ConsentState(ConsentPurposes.All, Now)) { IsIdentified = true };
    }

    public void Dispose() => _services.Dispose();
}
