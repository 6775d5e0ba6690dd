using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Visitors;

public class ProfileMergerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ProfileOptions Options = new();
    private readonly ProfileMerger _merger = new(Options);

    private static VisitorProfile Member() => new()
    {
        VisitorId = "member-id",
        Version = 4,
        MemberKey = "m-1",
        FirstSeen = T0.AddDays(-30),
        LastSeen = T0.AddDays(-2),
        Visits = 5,
        PageViews = 20,
        FirstReferrer = "https://search.example/",
        Device = DeviceClass.Desktop,
        Language = "nl-NL",
        CategoryInterests = { ["bikes"] = new InterestScore(4, T0.AddDays(-2)) },
        Goals = { ["signup"] = new GoalRecord(1, T0.AddDays(-20), T0.AddDays(-20)) },
        Preferences = { ["firstName"] = "Ann", ["interest"] = "bikes" },
    };

    private static VisitorProfile Anonymous() => new()
    {
        VisitorId = "anon-id",
        Version = 2,
        FirstSeen = T0.AddDays(-1),
        LastSeen = T0,
        Visits = 2,
        PageViews = 7,
        VisitPageViews = 3,
        VisitStartedAt = T0.AddMinutes(-10),
        FirstReferrer = "https://news.example/",
        LastReferrer = "https://news.example/",
        Device = DeviceClass.Mobile,
        CategoryInterests = { ["bikes"] = new InterestScore(2, T0), ["running"] = new InterestScore(3, T0) },
        Goals = { ["signup"] = new GoalRecord(2, T0.AddDays(-1), T0.AddHours(-1)), ["purchase"] = new GoalRecord(1, T0, T0) },
        Preferences = { ["interest"] = "running" },
    };

    [Fact]
    public void Merge_CountersAdd_SeenSpanBoth_NewerVisitWins()
    {
        var member = Member();

        Assert.True(_merger.Merge(member, Anonymous()));

        Assert.Equal("member-id", member.VisitorId);
        Assert.Equal(4, member.Version);
        Assert.Equal("m-1", member.MemberKey);
        Assert.Equal(7, member.Visits);
        Assert.Equal(27, member.PageViews);
        Assert.Equal(3, member.VisitPageViews);
        Assert.Equal(T0.AddDays(-30), member.FirstSeen);
        Assert.Equal(T0, member.LastSeen);
        Assert.Equal("https://search.example/", member.FirstReferrer);
        Assert.Equal(DeviceClass.Mobile, member.Device);
        Assert.Equal("nl-NL", member.Language);
        Assert.Equal(LifecycleStage.Loyal, member.Stage);
    }

    [Fact]
    public void Merge_Interests_CombineByDecayedSum()
    {
        var member = Member();

        _merger.Merge(member, Anonymous());

        var expected = InterestMath.Decay(new InterestScore(4, T0.AddDays(-2)), T0, Options.InterestHalfLife) + 2;
        Assert.Equal(expected, member.CategoryInterests["bikes"].Score, 10);
        Assert.Equal(T0, member.CategoryInterests["bikes"].UpdatedAt);
        Assert.Equal(new InterestScore(3, T0), member.CategoryInterests["running"]);
    }

    [Fact]
    public void Merge_Goals_AddCountsAndSpanTimes()
    {
        var member = Member();

        _merger.Merge(member, Anonymous());

        Assert.Equal(new GoalRecord(3, T0.AddDays(-20), T0.AddHours(-1)), member.Goals["signup"]);
        Assert.Equal(new GoalRecord(1, T0, T0), member.Goals["purchase"]);
    }

    [Fact]
    public void Merge_Preferences_NewestProfileWinsPerKeyAndOthersAreKept()
    {
        var member = Member();

        _merger.Merge(member, Anonymous());

        Assert.Equal("running", member.Preferences["interest"]);
        Assert.Equal("Ann", member.Preferences["firstName"]);
    }

    [Fact]
    public void Merge_PickedTopicsAndRemovedInterests_StayWithinTheirLimits()
    {
        var member = new VisitorProfile { VisitorId = "member", Visits = 1 };
        var device = new VisitorProfile { VisitorId = "device", Visits = 1 };
        member.Topics.UnionWith(Enumerable.Range(0, 30).Select(i => $"m{i:D2}"));
        device.Topics.UnionWith(Enumerable.Range(0, 30).Select(i => $"d{i:D2}"));
        member.SuppressedInterests.UnionWith(Enumerable.Range(0, 90).Select(i => $"ms{i:D2}"));
        device.SuppressedInterests.UnionWith(Enumerable.Range(0, 90).Select(i => $"ds{i:D2}"));

        Assert.True(new ProfileMerger(new ProfileOptions()).Merge(member, device));

        Assert.Equal(VisitorProfile.MaxTopics, member.Topics.Count);
        Assert.Equal(VisitorProfile.MaxSuppressedInterests, member.SuppressedInterests.Count);
        Assert.Contains("d00", member.Topics); // the device's picks join in a stable (ordinal) order until the limit
        Assert.DoesNotContain("d02", member.Topics);
    }

    [Fact]
    public void Merge_Twice_IsANoOp()
    {
        var member = Member();
        _merger.Merge(member, Anonymous());
        var once = member.Clone();

        Assert.False(_merger.Merge(member, Anonymous()));

        Assert.Equal(once.Visits, member.Visits);
        Assert.Equal(once.CategoryInterests, member.CategoryInterests);
        Assert.Contains("anon-id", member.MergedVisitorIds);
    }

    [Fact]
    public void Merge_IsDeterministic_SameResultWhateverTheDictionaryOrder()
    {
        var a = Member();
        var b = Member();
        var anonymous = Anonymous();
        var reordered = Anonymous();
        reordered.CategoryInterests.Clear();
        reordered.CategoryInterests["running"] = new InterestScore(3, T0);
        reordered.CategoryInterests["bikes"] = new InterestScore(2, T0);

        _merger.Merge(a, anonymous);
        _merger.Merge(b, reordered);

        Assert.Equal(a.CategoryInterests.OrderBy(p => p.Key), b.CategoryInterests.OrderBy(p => p.Key));
        Assert.Equal(a.Preferences.OrderBy(p => p.Key), b.Preferences.OrderBy(p => p.Key));
    }

    [Fact]
    public void Merge_SuppressedInterestOnEitherSide_IsDroppedAndTopicsCombine()
    {
        var member = Member();
        member.Topics.Add("hiking");
        var anonymous = Anonymous();
        anonymous.SuppressedInterests.Add("bikes");
        anonymous.PersonalizationPaused = true;

        _merger.Merge(member, anonymous);

        Assert.DoesNotContain("bikes", member.CategoryInterests.Keys);
        Assert.Contains("bikes", member.SuppressedInterests);
        Assert.Contains("hiking", member.Topics);
        Assert.True(member.PersonalizationPaused);
    }

    [Fact]
    public void Merge_ProfileWithItsOwnMergedIds_CarriesThemOver()
    {
        var member = Member();
        var anonymous = Anonymous();
        anonymous.MergedVisitorIds.Add("older-device");

        _merger.Merge(member, anonymous);

        Assert.Equal(["anon-id", "older-device"], member.MergedVisitorIds.Order(StringComparer.Ordinal));
        Assert.False(_merger.Merge(member, new VisitorProfile { VisitorId = "older-device", Visits = 9 }));
    }
}
