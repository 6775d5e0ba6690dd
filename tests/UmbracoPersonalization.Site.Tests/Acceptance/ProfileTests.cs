using UmbracoPersonalization.Site.Tests.Infrastructure;

namespace UmbracoPersonalization.Site.Tests.Acceptance;

/// <summary>A consenting visitor is profiled from behaviour; the profile and the visitor cookie survive a restart.</summary>
public sealed class ProfileTests : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task ConsentingVisitor_ThreeBikePages_GetsTheBikesHero_StoredInSqlite_AndKeptAcrossARestart()
    {
        var visitor = new Visitor();
        var database = Path.Combine(_data.Path, ProfileDatabase.FileName);

        await using (var site = new SiteFactory(_data.Path))
        {
            var client = visitor.ClientFor(site);
            (await Visitor.ConsentAsync(client, "all")).EnsureSuccessStatusCode();
            foreach (var url in new[] { "/bikes/commuter-7/", "/bikes/gravel-one/", "/bikes/trail-helmet/" })
            {
                await client.GetPageAsync(url);
            }

            // Page views are applied by the background worker: the home page follows once it has caught up.
            await Eventually.Until(
                async () => Visitor.HeroVariant(await client.GetPageAsync("/")),
                variant => variant == "bikes",
                "the bikes hero after three bike pages");
            var home = await client.GetPageAsync("/");
            Assert.Equal("Ready for your next ride?", Html.Normalize(home.QuerySelector(".hero__title")?.TextContent));
            await Eventually.Until(
                () => Task.FromResult(File.Exists(database) ? ProfileDatabase.CountProfiles(database) : 0),
                count => count == 1,
                "one stored profile");
        }

        var cookieBeforeRestart = visitor.Cookie(Visitor.VisitorCookie);
        await using (var restarted = new SiteFactory(_data.Path))
        {
            var client = visitor.ClientFor(restarted);

            var home = await client.GetPageAsync("/");

            Assert.Equal("bikes", Visitor.HeroVariant(home));
            Assert.Equal(cookieBeforeRestart, visitor.Cookie(Visitor.VisitorCookie)); // still valid: not reissued
            Assert.Equal(1, ProfileDatabase.CountProfiles(database));
        }
    }

    [Fact]
    public async Task WithoutConsent_BrowsingStoresNoProfile()
    {
        var database = Path.Combine(_data.Path, ProfileDatabase.FileName);
        await using var site = new SiteFactory(_data.Path);
        var client = Visitor.AsBrowser(site.CreateClient());

        foreach (var url in new[] { "/camping/", "/camping/skyline-2/", "/camping/ember-down/", "/" })
        {
            await client.GetPageAsync(url);
        }

        Assert.Equal(0, ProfileDatabase.CountProfiles(database));
        Assert.Equal("default", Visitor.HeroVariant(await client.GetPageAsync("/")));
    }

    public void Dispose() => _data.Dispose();
}
