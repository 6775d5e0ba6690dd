using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Middleware;

/// <summary>
/// An anonymous page view gets no principal from the package: reading <c>HttpContext.User</c> would make one (three
/// objects) on every request that nothing authenticated.
/// </summary>
public class AnonymousPrincipalTests
{
    [Fact]
    public async Task AConsentingAnonymousVisitor_IsPersonalized_WithoutAPrincipalBeingMade()
    {
        await using var site = await TestSite.TestSite.StartAsync();
        using var client = site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));
        var visitorId = (await (await client.GetAsync("/probe")).ReadProbeAsync())!.VisitorId;

        var probe = await (await client.GetAsync("/probe/principal")).Content.ReadAsStringAsync();
        var again = await (await client.GetAsync("/probe")).ReadProbeAsync();

        Assert.Equal("none", probe);
        Assert.True(again!.Identified);
        Assert.Equal(visitorId, again.VisitorId);
    }
}
