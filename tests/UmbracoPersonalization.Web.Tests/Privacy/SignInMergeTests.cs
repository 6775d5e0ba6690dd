using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Privacy;

/// <summary>Merge on sign-in across two simulated devices (two cookie jars), against SQLite and PostgreSQL.</summary>
public sealed class SignInMergeTests
{
    private static Task<HttpResponseMessage> SignedInGetAsync(CookieClient client, string path, string member) =>
        client.GetAsync(path, r => r.Headers.Add("X-Test-User", member));

    [SkippableTheory]
    [MemberData(nameof(PrivacySite.Providers), MemberType = typeof(PrivacySite))]
    public async Task TwoDevices_AfterSignIn_ShareOneProfileAndOnePersonalization(string provider)
    {
        await using var privacy = await PrivacySite.StartAsync(provider);
        var site = privacy.Site;
        var profiles = site.GetRequiredService<IProfileStore>();
        using var deviceA = site.CreateCookieClient();
        using var deviceB = site.CreateCookieClient();

        // Device A: anonymous browsing, then the member signs in: the anonymous profile becomes the member's.
        var a = await PrivacyAcceptanceTests.ConsentAndBrowseAsync(site, deviceA, pages: 2);
        await SignedInGetAsync(deviceA, "/probe", "member-42");
        await Waiting.UntilAsync(() => profiles.GetAsync(a), p => p?.MemberKey == "member-42", "device A's profile is claimed");

        // Device B: anonymous browsing (its own id), then the same member signs in.
        var b = await PrivacyAcceptanceTests.ConsentAndBrowseAsync(site, deviceB, pages: 3);
        Assert.NotEqual(a, b);
        var signIn = await SignedInGetAsync(deviceB, "/", "member-42");

        // Device B now carries the member's id and sees the merged profile.
        Assert.Contains(signIn.SetCookies(), c => c.StartsWith("up_vid=", StringComparison.Ordinal));
        var probe = await (await SignedInGetAsync(deviceB, "/probe", "member-42")).ReadProbeAsync();
        Assert.Equal(a, probe!.VisitorId);
        var merged = await Waiting.UntilAsync(() => profiles.GetAsync(a), p => p?.PageViews >= 6, "the merged profile counts both devices and the sign-in page");
        Assert.Contains(b, merged!.MergedVisitorIds);
        Assert.Null(await profiles.GetAsync(b));
        Assert.Empty(await site.GetRequiredService<Core.Events.IEventStore>().GetByVisitorAsync(b));

        // Only the merge record (which makes a repeated merge a no-op) still names device B's old id.
        Assert.Equal(["upPersonalizationProfile.Body"], await PrivacyAcceptanceTests.ScanAllTablesAsync(site, b));

        // Signing in again on either device changes nothing.
        await SignedInGetAsync(deviceA, "/probe", "member-42");
        await SignedInGetAsync(deviceB, "/probe", "member-42");
        Assert.Equal(a, (await (await SignedInGetAsync(deviceA, "/probe", "member-42")).ReadProbeAsync())!.VisitorId);
        Assert.Equal(merged.Visits, (await profiles.GetAsync(a))!.Visits);
    }

    [Fact]
    public async Task SignOut_TheBrowserGetsAFreshAnonymousId_SoTheNextPersonIsNotProfiledIntoTheMember()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        var site = privacy.Site;
        var profiles = site.GetRequiredService<IProfileStore>();
        using var shared = site.CreateCookieClient();
        var member = await PrivacyAcceptanceTests.ConsentAndBrowseAsync(site, shared, pages: 1);
        await SignedInGetAsync(shared, "/probe", "member-7");
        await Waiting.UntilAsync(() => profiles.GetAsync(member), p => p?.MemberKey == "member-7", "the profile is claimed");

        var signedOut = await shared.GetAsync("/");
        var next = (await (await shared.GetAsync("/probe")).ReadProbeAsync())!.VisitorId;

        Assert.Contains(signedOut.SetCookies(), c => c.StartsWith("up_vid=", StringComparison.Ordinal));
        Assert.NotEqual(member, next);
        await Waiting.UntilAsync(() => profiles.GetAsync(next), p => p is not null, "the anonymous page view is stored for the new id");
        Assert.Equal(1, (await profiles.GetAsync(member))!.PageViews);
    }

    [Fact]
    public async Task SignIn_ThatMovesTheBrowserToTheMembersId_RecordsThatPagesExposuresForTheMember()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        var site = privacy.Site;
        var profiles = site.GetRequiredService<IProfileStore>();
        using var first = site.CreateCookieClient();
        using var second = site.CreateCookieClient();
        var member = await PrivacyAcceptanceTests.ConsentAndBrowseAsync(site, first, pages: 1);
        await SignedInGetAsync(first, "/probe", "member-9");
        await Waiting.UntilAsync(() => profiles.GetAsync(member), p => p?.MemberKey == "member-9", "the profile is claimed");
        (await second.PostConsentAsync(Form(("purposes", "all")))).EnsureSuccessStatusCode(); // a browser with nothing stored yet
        var recorded = site.GetRequiredService<RecordingEventQueue>();
        var before = recorded.Events.Count;

        (await SignedInGetAsync(second, "/tree", "member-9")).EnsureSuccessStatusCode();

        var events = recorded.Events.Skip(before).ToList();
        Assert.Contains(events, e => e.Type == Core.Events.VisitorEventType.Exposure);
        Assert.All(events, e => Assert.Equal(member, e.VisitorId));
    }

    [Fact]
    public async Task SignIn_WithoutConsent_LinksNothing()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        using var client = privacy.Site.CreateCookieClient();

        var response = await SignedInGetAsync(client, "/probe", "member-1");

        Assert.Empty(response.SetCookies());
        Assert.Null(await privacy.Site.GetRequiredService<Core.Identity.IVisitorIdentityStore>().FindByMemberKeyAsync("member-1"));
    }
}
