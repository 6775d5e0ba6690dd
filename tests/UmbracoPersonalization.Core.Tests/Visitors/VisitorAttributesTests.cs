using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Visitors;

public class VisitorAttributesTests
{
    // A Wednesday, 09:15 at +02:00.
    private static readonly DateTimeOffset Now = new(2026, 4, 15, 9, 15, 0, TimeSpan.FromHours(2));
    private static readonly ProfileOptions Options = new();

    internal static VisitorContext Context(VisitorProfile? profile = null, RequestContext? request = null, bool identified = true) =>
        new(profile ?? Profile(), request ?? Request(), new ConsentState(ConsentPurposes.All)) { IsIdentified = identified };

    internal static VisitorProfile Profile()
    {
        var profile = new VisitorProfile
        {
            VisitorId = "visitor-1",
            FirstSeen = Now.AddDays(-10.5),
            LastSeen = Now.AddDays(-2.2),
            Visits = 3,
            PageViews = 12,
            VisitPageViews = 4,
            FirstReferrer = "https://www.google.com/search?q=bikes",
            LastReferrer = "https://news.example/",
            FirstUtm = new UtmParameters("newsletter", "email", "spring"),
            LastUtm = new UtmParameters("ads", "cpc", "summer"),
            Device = DeviceClass.Mobile,
            Language = "en-GB",
            Country = "GB",
        };
        profile.CategoryInterests["bikes"] = new InterestScore(4, Now.AddDays(-7));
        profile.CategoryInterests["helmets"] = new InterestScore(1, Now);
        profile.TagInterests["city"] = new InterestScore(2, Now);
        profile.Goals["newsletter"] = new GoalRecord(2, Now.AddDays(-3), Now.AddDays(-1));
        profile.Preferences["firstName"] = "Ann";
        return profile;
    }

    internal static RequestContext Request() => new()
    {
        Url = "https://shop.example/bikes/city?color=red",
        Path = "/bikes/city",
        Query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["color"] = "red" },
        Timestamp = Now,
        Language = "nl-NL",
        Country = "NL",
        IsAuthenticated = true,
        MemberGroups = ["vip", "staff"],
        Categories = ["bikes"],
        Tags = ["city", "electric"],
    };

    private static AttributeValue Get(IAttributeSource source, string path)
    {
        source.TryGetValue(AttributePath.Parse(path), out var value);
        return value;
    }

    [Theory]
    [InlineData("id", "visitor-1")]
    [InlineData("stage", "engaged")]
    [InlineData("device", "mobile")]
    [InlineData("language", "nl-NL")]
    [InlineData("country", "NL")]
    [InlineData("firstReferrer", "https://www.google.com/search?q=bikes")]
    [InlineData("utm.campaign", "summer")]
    [InlineData("utm.source", "ads")]
    [InlineData("firstUtm.campaign", "spring")]
    [InlineData("firstUtm.medium", "email")]
    [InlineData("topInterest", "bikes")]
    [InlineData("preferences.firstName", "Ann")]
    [InlineData("preferences.firstname", "Ann")]
    [InlineData("url", "https://shop.example/bikes/city?color=red")]
    [InlineData("path", "/bikes/city")]
    [InlineData("query.color", "red")]
    [InlineData("memberGroups.0", "vip")]
    [InlineData("page.categories.0", "bikes")]
    [InlineData("page.tags.1", "electric")]
    public void TryGetValue_StringAttribute_MapsFromContext(string path, string expected)
    {
        var attributes = VisitorAttributes.Create(Context(), Options);
        Assert.Equal(expected, Get(attributes, path).StringValue);
    }

    [Theory]
    [InlineData("visits", 3)]
    [InlineData("pageViews", 12)]
    [InlineData("visitPageViews", 0)] // last seen 2.2 days ago: this request starts a new visit
    [InlineData("daysSinceFirstSeen", 10)]
    [InlineData("daysSinceLastSeen", 2)]
    [InlineData("interests.bikes", 2)]
    [InlineData("interests.Helmets", 1)]
    [InlineData("tags.city", 2)]
    [InlineData("goals.newsletter", 2)]
    [InlineData("hour", 9)]
    [InlineData("weekday", 3)]
    [InlineData("month", 4)]
    [InlineData("memberGroups.length", 2)]
    public void TryGetValue_NumberAttribute_MapsFromContext(string path, double expected)
    {
        var attributes = VisitorAttributes.Create(Context(), Options);
        Assert.Equal(expected, Get(attributes, path).NumberValue, 9);
    }

    [Fact]
    public void TryGetValue_Booleans_MapFromContext()
    {
        var attributes = VisitorAttributes.Create(Context(), Options);
        Assert.True(Get(attributes, "authenticated").BooleanValue);
        Assert.True(Get(attributes, "identified").BooleanValue);
    }

    [Fact]
    public void TryGetValue_UnknownAttribute_IsMissing()
    {
        var attributes = VisitorAttributes.Create(Context(), Options);
        Assert.False(attributes.TryGetValue(AttributePath.Parse("interests.cars"), out var value));
        Assert.Equal(AttributeKind.Missing, value.Kind);
    }

    [Fact]
    public void VisitAttributes_AreTheCurrentVisits_AndEmptyWhenThisRequestStartsANewOne()
    {
        var sameVisit = Profile();
        sameVisit.LastSeen = Now.AddMinutes(-5);
        var continuing = VisitorAttributes.Create(Context(sameVisit), Options);
        var starting = VisitorAttributes.Create(Context(), Options); // last seen 2.2 days ago

        Assert.Equal(4, Get(continuing, "visitPageViews").NumberValue);
        Assert.Equal("https://news.example/", Get(continuing, "referrer").StringValue);
        Assert.Equal("news.example", Get(continuing, "referrerHost").StringValue);
        Assert.Equal(0, Get(starting, "visitPageViews").NumberValue);
        Assert.True(Get(starting, "referrer").IsNullOrMissing, "a new visit without a Referer has no referrer");
        Assert.True(Get(starting, "referrerHost").IsNullOrMissing);
    }

    [Fact]
    public void Create_RequestUtm_WinsOverProfile()
    {
        var request = Request() with { Utm = new UtmParameters("facebook", Campaign: "autumn"), Referrer = "https://t.co/x" };
        var attributes = VisitorAttributes.Create(Context(request: request), Options);

        Assert.Equal("autumn", Get(attributes, "utm.campaign").StringValue);
        Assert.Equal(AttributeKind.Missing, Get(attributes, "utm.medium").Kind);
        Assert.Equal("t.co", Get(attributes, "referrerHost").StringValue);
    }

    [Fact]
    public void Create_ExplicitPreferences_OutrankInferredData()
    {
        var profile = Profile();
        profile.Preferences["interest"] = "helmets";
        profile.Preferences["language"] = "de-DE";

        var attributes = VisitorAttributes.Create(Context(profile), Options);

        Assert.Equal("helmets", attributes.TopInterest);
        Assert.Equal("helmets", Get(attributes, "topInterest").StringValue);
        Assert.Equal("de-DE", Get(attributes, "language").StringValue);
    }

    [Fact]
    public void Create_NotIdentified_IdIsNull()
    {
        var attributes = VisitorAttributes.Create(Context(identified: false), Options);
        Assert.Equal(AttributeKind.Null, Get(attributes, "id").Kind);
        Assert.False(Get(attributes, "identified").BooleanValue);
    }

    [Fact]
    public void Create_StageAtRequestTime_ShowsAtRisk()
    {
        var request = Request() with { Timestamp = Now.AddDays(20) };
        var attributes = VisitorAttributes.Create(Context(request: request), Options);
        Assert.Equal(LifecycleStage.AtRisk, attributes.Stage);
        Assert.Equal("at-risk", Get(attributes, "stage").StringValue);
    }

    [Fact]
    public void Create_TransientProfile_HasZeroDays()
    {
        var request = Request();
        var profile = new ProfileBuilder(Options).CreateTransient(request);
        var attributes = VisitorAttributes.Create(Context(profile, request, identified: false), Options);

        Assert.Equal(1, Get(attributes, "visits").NumberValue);
        Assert.Equal(0, Get(attributes, "daysSinceFirstSeen").NumberValue);
        Assert.Equal("new", Get(attributes, "stage").StringValue);
    }

    [Fact]
    public void For_SameContext_ReturnsCachedInstance()
    {
        var context = Context();
        Assert.Same(VisitorAttributes.For(context, Options), VisitorAttributes.For(context, Options));
    }

    [Fact]
    public void IsMatch_OverVisitorAttributes_EvaluatesCondition()
    {
        var attributes = VisitorAttributes.Create(Context(), Options);
        var condition = Condition.Parse("""{"stage": "engaged", "interests.bikes": {"$gt": 1.5}, "memberGroups": {"$elemMatch": {"$eq": "vip"}}}""");
        Assert.True(condition.IsMatch(attributes));
    }

    [Fact]
    public void Values_ReadOneByOne_EqualTheEnumeratedSet()
    {
        var profile = Profile();
        profile.Topics.Add("running");
        profile.Segments.Add("b-seg");
        profile.Segments.Add("a-seg");
        profile.CustomEvents["video-play"] = 3;
        var request = Request() with { Extra = new Dictionary<string, AttributeValue> { ["browser"] = AttributeValue.From("chrome"), ["visits"] = AttributeValue.From(99) } };
        var enumerated = VisitorAttributes.Create(Context(profile, request), Options).Values.ToDictionary(p => p.Key, p => p.Value);

        // A fresh instance per name: each attribute computed on its own equals the one computed with all the others.
        foreach (var (name, expected) in enumerated)
        {
            var lazy = VisitorAttributes.Create(Context(profile, request), Options);
            Assert.True(lazy.Values.TryGetValue(name, out var value), name);
            Assert.Equal(Json(expected), Json(value));
        }

        Assert.Equal(VisitorAttributeMap.BuiltInNames.Count + 1, enumerated.Count); // "browser" added, "visits" stays built in
        Assert.Equal(3, enumerated["visits"].NumberValue);
        Assert.Equal("chrome", enumerated["browser"].StringValue);
        Assert.Equal(enumerated.Count, VisitorAttributes.Create(Context(profile, request), Options).Values.Count);
    }

    [Fact]
    public void HostAttributes_UnderABuiltInName_AreNeverUsed_AndOtherDottedNamesAre()
    {
        var request = Request() with
        {
            Utm = new UtmParameters("facebook", Campaign: "autumn"),
            Extra = new Dictionary<string, AttributeValue>
            {
                ["utm.campaign"] = AttributeValue.From("shadow"),
                ["interests.bikes"] = AttributeValue.From(99),
                ["plan.level"] = AttributeValue.From("gold"),
            },
        };
        var attributes = VisitorAttributes.Create(Context(Profile(), request), Options);

        Assert.True(Condition.Parse("""{"utm.campaign": "autumn", "plan.level": "gold"}""").IsMatch(attributes));
        Assert.False(Condition.Parse("""{"utm.campaign": "shadow"}""").IsMatch(attributes));
        Assert.False(Condition.Parse("""{"interests.bikes": 99}""").IsMatch(attributes));
        Assert.False(attributes.Values.ContainsKey("utm.campaign"));
        Assert.True(attributes.Values.ContainsKey("plan.level"));
        var names = attributes.Values.Select(p => p.Key).ToList();
        Assert.DoesNotContain("utm.campaign", names);
        Assert.DoesNotContain("interests.bikes", names);
        Assert.Contains("plan.level", names);
        Assert.Equal(names.Count, attributes.Values.Count);
    }

    [Fact]
    public void Values_ReadInReverseAndFromManyThreads_EqualTheEnumeratedSet()
    {
        var profile = Profile();
        profile.Topics.Add("running");
        var expected = VisitorAttributes.Create(Context(profile), Options).Values.ToDictionary(p => p.Key, p => Json(p.Value));
        var names = VisitorAttributeMap.BuiltInNames.Reverse().ToArray(); // the last slots first: the store grows past its first size

        var shared = VisitorAttributes.Create(Context(profile), Options).Values;
        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Name, string Value)>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            foreach (var name in worker % 2 == 0 ? names : names.Reverse())
            {
                Assert.True(shared.TryGetValue(name, out var value), name);
                seen.Add((name, Json(value)));
            }
        });

        Assert.Equal(8 * names.Length, seen.Count);
        Assert.All(seen, s => Assert.Equal(expected[s.Name], s.Value));
        Assert.All(names, name => Assert.Equal(expected[name], Json(shared[name]))); // and once more, single-threaded
    }

    [Fact]
    public void TopInterest_ChosenTopic_OutranksInferredAndRaisesItsInterest()
    {
        var profile = Profile();
        profile.Topics.Add("running");
        var attributes = VisitorAttributes.Create(Context(profile), Options);

        // Asked for first, topInterest must still see the topics that reshape "interests".
        Assert.Equal("running", Get(attributes, "topInterest").StringValue);
        Assert.Equal("running", attributes.TopInterest);
        Assert.True(Get(attributes, "interests.running").NumberValue >= Get(attributes, "interests.bikes").NumberValue);
    }

    private static string Json(AttributeValue value) => value.ToString() ?? string.Empty;
}
