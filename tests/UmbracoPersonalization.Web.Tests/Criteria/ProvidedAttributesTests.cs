using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Criteria;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.Criteria;

/// <summary>
/// The attribute providers run only when something reads an attribute that is not built in, at most once per request,
/// and what they contribute is the same as when they ran up front.
/// </summary>
public class ProvidedAttributesTests
{
    [Fact]
    public void ConditionsOnBuiltInAttributesOnly_NeverRunTheProviders()
    {
        var counting = new CountingProvider("plan", "gold");
        var attributes = AttributesOf(counting);

        Assert.True(Condition.Parse("""{"visits": 1, "device": "desktop", "utm.campaign": {"$exists": false}}""").IsMatch(attributes));
        Assert.True(attributes.Values.ContainsKey("pageViews"));

        Assert.Equal(0, counting.Calls);
    }

    [Fact]
    public void ReadingAProvidedAttribute_RunsEveryProviderOnce_InRegistrationOrder()
    {
        var first = new CountingProvider("plan", "gold");
        var second = new CountingProvider("plan", "silver"); // a name set by an earlier provider is kept
        var third = new CountingProvider("tier", "3");
        var attributes = AttributesOf(first, second, third);

        Assert.True(Condition.Parse("""{"plan": "gold"}""").IsMatch(attributes));
        Assert.True(Condition.Parse("""{"tier": "3", "visits": 1}""").IsMatch(attributes));
        Assert.False(Condition.Parse("""{"plan": "silver"}""").IsMatch(attributes));

        Assert.Equal([1, 1, 1], new[] { first.Calls, second.Calls, third.Calls });
    }

    [Fact]
    public void Enumerating_IncludesTheProvidedAttributes_AndBuiltInNamesWin()
    {
        var attributes = AttributesOf(new CountingProvider("plan", "gold"), new CountingProvider("visits", "many"));

        var all = attributes.Values.ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(AttributeValue.From("gold"), all["plan"]);
        Assert.Equal(AttributeValue.From(1), all["visits"]);
        Assert.Equal(all.Count, attributes.Values.Count);
    }

    [Fact]
    public void AFailingProvider_IsSkipped_AndTheOthersStillContribute()
    {
        var after = new CountingProvider("plan", "gold");
        var attributes = AttributesOf(new ThrowingProvider(), after);

        Assert.True(Condition.Parse("""{"plan": "gold"}""").IsMatch(attributes));
        Assert.Equal(1, after.Calls);
    }

    [Fact]
    public void AProviderReadingTheAttributesItContributesTo_SeesNone_InsteadOfRecursing()
    {
        var reentrant = new ReentrantProvider();
        var feature = Feature(reentrant, new CountingProvider("plan", "gold"));
        reentrant.Feature = feature;

        var attributes = VisitorAttributes.Create(feature.VisitorContext, new ProfileOptions());

        Assert.True(Condition.Parse("""{"plan": "gold"}""").IsMatch(attributes));
        Assert.False(reentrant.SawPlan);
        Assert.Equal(1, reentrant.Calls);
    }

    [Fact]
    public void ReadFromManyThreads_TheProvidersRunOnce()
    {
        var counting = new CountingProvider("plan", "gold");
        var extra = Feature(counting).VisitorContext.Request.Extra;

        Parallel.For(0, 64, _ => Assert.True(extra.TryGetValue("plan", out var value) && value == AttributeValue.From("gold")));

        Assert.Equal(1, counting.Calls);
    }

    [Fact]
    public void ReadAfterTheRequestEnded_HoldsNone_AndRunsNoProvider()
    {
        var counting = new CountingProvider("plan", "gold");
        var (feature, http) = Started(counting);
        var extra = feature.VisitorContext.Request.Extra;

        http.Uninitialize(); // what the server does when the request ends, before reusing the context

        Assert.False(extra.ContainsKey("plan"));
        Assert.Empty(extra);
        Assert.Equal(0, counting.Calls);
    }

    [Fact]
    public void ReadWhileAnotherRequestRunsOnTheSameContext_HoldsNone()
    {
        var counting = new CountingProvider("plan", "gold");
        var (feature, http) = Started(counting);
        var extra = feature.VisitorContext.Request.Extra;

        http.Features.Set<PersonalizationFeature>(null); // the next request on the reused context has its own feature

        Assert.False(extra.TryGetValue("plan", out _));
        Assert.Equal(0, counting.Calls);
    }

    private static VisitorAttributes AttributesOf(params IVisitorAttributeProvider[] providers) =>
        VisitorAttributes.Create(Feature(providers).VisitorContext, new ProfileOptions());

    private static PersonalizationFeature Feature(params IVisitorAttributeProvider[] providers) => Started(providers).Feature;

    /// <summary>A request as the middleware leaves it: the feature created and set on the request.</summary>
    private static (PersonalizationFeature Feature, DefaultHttpContext Http) Started(params IVisitorAttributeProvider[] providers)
    {
        var profile = VisitorProfile.CreateNew("v1");
        profile.Visits = 1;
        profile.PageViews = 1;
        var http = new DefaultHttpContext();
        var feature = new PersonalizationFeature(
            http,
            new ConsentState(ConsentPurposes.All),
            new RequestContext { Path = "/", Device = DeviceClass.Desktop },
            profile,
            visitorId: "v1",
            isBot: false,
            previewSegment: null,
            providers);
        http.Features.Set(feature);
        return (feature, http);
    }

    private sealed class CountingProvider(string name, string value) : IVisitorAttributeProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void Contribute(VisitorAttributeContext context)
        {
            Interlocked.Increment(ref _calls);
            context.Add(name, value);
        }
    }

    private sealed class ThrowingProvider : IVisitorAttributeProvider
    {
        public void Contribute(VisitorAttributeContext context) => throw new InvalidOperationException("provider failed");
    }

    private sealed class ReentrantProvider : IVisitorAttributeProvider
    {
        public PersonalizationFeature? Feature { get; set; }

        public int Calls { get; private set; }

        public bool SawPlan { get; private set; }

        public void Contribute(VisitorAttributeContext context)
        {
            Calls++;
            SawPlan = Feature!.VisitorContext.Request.Extra.ContainsKey("plan");
        }
    }
}
