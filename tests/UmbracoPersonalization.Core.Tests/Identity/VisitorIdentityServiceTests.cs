using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Identity;
using UmbracoPersonalization.Core.Tests.Support;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Identity;

public class VisitorIdentityServiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryStores _stores = new();
    private readonly VisitorIdentityService _service;

    public VisitorIdentityServiceTests() => _service = new VisitorIdentityService(_stores, _stores, new ProfileMerger(new ProfileOptions()));

    private void Seed(string visitorId, int visits, string? memberKey = null, string interest = "bikes")
    {
        _stores.Profiles[visitorId] = new VisitorProfile
        {
            VisitorId = visitorId,
            Version = 1,
            MemberKey = memberKey,
            Visits = visits,
            PageViews = visits,
            FirstSeen = T0.AddDays(-visits),
            LastSeen = T0.AddDays(-visits).AddHours(1),
            CategoryInterests = { [interest] = new InterestScore(visits, T0) },
        };
        _stores.Events.Add(new VisitorEvent { Id = Guid.NewGuid(), VisitorId = visitorId, Type = VisitorEventType.PageView, Timestamp = T0 });
        _stores.Assignments.Add(new VisitorAssignment(visitorId, "hero", visits, T0));
    }

    [Fact]
    public async Task SignIn_MemberWithoutProfile_ClaimsTheAnonymousProfile()
    {
        Seed("device-a", 2);

        var result = await _service.SignInAsync("device-a", "m-1", "fresh");

        Assert.Equal(new SignInResult("device-a", SignInOutcome.Claimed), result);
        Assert.Equal("m-1", _stores.Profiles["device-a"].MemberKey);
    }

    [Fact]
    public async Task SignIn_TwoDevices_SecondDeviceMergesAndSwitchesToTheMembersId()
    {
        // Device A: anonymous browsing, then sign-in.
        Seed("device-a", 2, interest: "bikes");
        await _service.SignInAsync("device-a", "m-1", "fresh-1");

        // Device B: anonymous browsing, then sign-in with the same member.
        Seed("device-b", 3, interest: "running");
        var result = await _service.SignInAsync("device-b", "m-1", "fresh-2");

        Assert.Equal(new SignInResult("device-a", SignInOutcome.Merged), result);
        var member = _stores.Profiles["device-a"];
        Assert.Equal(5, member.Visits);
        Assert.Equal(["bikes", "running"], member.CategoryInterests.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("device-b", member.MergedVisitorIds);
        Assert.DoesNotContain("device-b", _stores.Profiles.Keys);
        Assert.Equal(2, _stores.Events.Count); // both devices' page views, kept and moved to the member's id
        Assert.All(_stores.Events, e => Assert.Equal("device-a", e.VisitorId));
        Assert.Equal(2, _stores.Assignments.Single().Arm); // the member's own arm wins
    }

    [Fact]
    public async Task SignIn_Repeated_IsIdempotent()
    {
        Seed("device-a", 2);
        await _service.SignInAsync("device-a", "m-1", "f");
        Seed("device-b", 3);

        await _service.SignInAsync("device-b", "m-1", "f");
        var visits = _stores.Profiles["device-a"].Visits;

        // The anonymous profile is re-created (e.g. an event still queued) and sign-in runs again.
        _stores.Profiles["device-b"] = new VisitorProfile { VisitorId = "device-b", Version = 1, Visits = 3 };
        var again = await _service.SignInAsync("device-b", "m-1", "f");

        Assert.Equal(SignInOutcome.Switched, again.Outcome); // nothing new merged: the merge is reported (and announced) once
        Assert.Equal(visits, _stores.Profiles["device-a"].Visits);
        Assert.DoesNotContain("device-b", _stores.Profiles.Keys);
    }

    [Fact]
    public async Task SignIn_AlreadyTheMembersId_DoesNothing()
    {
        Seed("device-a", 2, memberKey: "m-1");

        Assert.Equal(SignInOutcome.AlreadyMember, (await _service.SignInAsync("device-a", "m-1", "f")).Outcome);
    }

    [Fact]
    public async Task SignIn_SharedComputer_NeverMergesAnotherMembersProfile()
    {
        Seed("shared", 4, memberKey: "m-other");

        var restarted = await _service.SignInAsync("shared", "m-1", "fresh");

        Assert.Equal(new SignInResult("fresh", SignInOutcome.Restarted), restarted);
        Assert.Equal("m-other", _stores.Profiles["shared"].MemberKey);
        Assert.Equal("m-1", _stores.Profiles["fresh"].MemberKey);
        Assert.Equal(0, _stores.Profiles["fresh"].Visits);

        Seed("member-home", 1, memberKey: "m-2");
        var switched = await _service.SignInAsync("shared", "m-2", "fresh-2");
        Assert.Equal(new SignInResult("member-home", SignInOutcome.Switched), switched);
        Assert.Equal(4, _stores.Profiles["shared"].Visits);
    }

    [Fact]
    public async Task SignIn_NoStoredAnonymousProfile_SwitchesToTheMember()
    {
        Seed("member-home", 1, memberKey: "m-1");

        Assert.Equal(new SignInResult("member-home", SignInOutcome.Switched), await _service.SignInAsync("new-device", "m-1", "f"));
    }

    [Fact]
    public async Task SignIn_NoStoredAnonymousProfile_LinksTheBrowsersIdAndMovesWhatIsStoredUnderIt()
    {
        Seed("member-home", 1, memberKey: "m-1");
        // A page view stored under the new device's id whose profile update has not been stored (yet, or ever).
        _stores.Events.Add(new VisitorEvent { Id = Guid.NewGuid(), VisitorId = "new-device", Type = VisitorEventType.PageView, Timestamp = T0 });

        await _service.SignInAsync("new-device", "m-1", "f");
        var again = await _service.SignInAsync("new-device", "m-1", "f2");

        Assert.Equal(new SignInResult("member-home", SignInOutcome.Switched), again);
        Assert.Equal(["new-device"], _stores.Profiles["member-home"].MergedVisitorIds);
        Assert.Equal(2, _stores.Profiles["member-home"].Version); // linked once, not once per sign-in
        Assert.DoesNotContain(_stores.Events, e => e.VisitorId == "new-device");
        Assert.Equal(2, _stores.Events.Count(e => e.VisitorId == "member-home"));
        Assert.DoesNotContain("new-device", _stores.Profiles.Keys);
    }
}
