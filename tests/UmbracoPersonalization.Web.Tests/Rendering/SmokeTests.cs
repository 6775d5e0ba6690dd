using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Rendering;

public sealed class SmokeTests
{
    [Fact]
    public async Task Home_RendersThroughThePackage()
    {
        await using var site = await TestSite.TestSite.StartAsync();
        using var client = site.CreateClient();
        var response = await client.GetAsync("/");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains("data-up-placement", body);
    }
}
