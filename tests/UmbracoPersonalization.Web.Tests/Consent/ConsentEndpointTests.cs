using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Consent;

public sealed class ConsentEndpointTests(DefaultSiteFixture fixture) : IClassFixture<DefaultSiteFixture>
{
    [Fact]
    public async Task Post_FormAllWithLocalReturnUrl_RedirectsAndSetsBothCookies()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.PostConsentAsync(Form(("purposes", "all"), ("returnUrl", "/shop?x=1")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/shop?x=1", response.Headers.Location!.OriginalString);
        Assert.StartsWith("analytics-personalization-marketing_", client.GetCookie("up_consent"));
        Assert.NotNull(client.GetCookie("up_vid"));
    }

    [Fact]
    public async Task Post_JsonPurposes_Returns204AndRecordsThem()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.PostConsentAsync(JsonContent.Create(new { purposes = new[] { "analytics" } }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var consent = client.GetCookie("up_consent")!;
        Assert.StartsWith("analytics_", consent);
        Assert.EndsWith("_1", consent);
        Assert.NotNull(client.GetCookie("up_vid")); // analytics alone allows the visitor cookie
    }

    [Fact]
    public async Task Post_NecessaryOnly_SetsNoVisitorCookie()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.PostConsentAsync(JsonContent.Create(new { purposes = "necessary" }));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(response.SetCookies());
        Assert.Null(client.GetCookie("up_vid"));
    }

    [Fact]
    public async Task Post_ReturnUrlOutsideAscii_RedirectsToItPercentEncoded()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.PostConsentAsync(Form(("purposes", "all"), ("returnUrl", "/über?q=crème")));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/%C3%BCber?q=cr%C3%A8me", response.Headers.Location!.OriginalString);
        Assert.NotNull(client.GetCookie("up_vid"));
    }

    [Fact]
    public async Task Post_FromABot_RecordsTheChoice_ButIssuesNoVisitorCookie()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.PostConsentAsync(
            Form(("purposes", "all")),
            r => r.Headers.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.StartsWith("analytics-personalization-marketing_", client.GetCookie("up_consent"));
        Assert.Null(client.GetCookie("up_vid"));
    }

    [Fact]
    public async Task Post_Withdrawal_DeletesTheVisitorCookie()
    {
        using var client = fixture.Site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));
        Assert.NotNull(client.GetCookie("up_vid"));

        var response = await client.PostConsentAsync(Form(("purposes", "necessary")));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains(response.SetCookies(), c => c.StartsWith("up_vid=;", StringComparison.Ordinal));
        Assert.Null(client.GetCookie("up_vid"));
    }

    [Theory]
    [InlineData("purposes", "everything", "purposes")]
    [InlineData("returnUrl", "//evil.example/", "returnUrl")]
    [InlineData("nothing", "x", "purposes")]
    public async Task Post_BadInput_Returns400ProblemNamingTheField(string key, string value, string field)
    {
        using var client = fixture.Site.CreateCookieClient();
        var fields = key == "returnUrl" ? Form(("purposes", "all"), (key, value)) : Form((key, value));
        var response = await client.PostConsentAsync(fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(response.SetCookies());
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.PostConsentAsync(new StringContent("{\"purposes\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_CrossOrigin_Returns403()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.PostConsentAsync(Form(("purposes", "all")), r =>
        {
            r.Headers.Remove("Origin");
            r.Headers.Add("Origin", "https://evil.example");
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(response.SetCookies());
    }

    [Fact]
    public async Task Post_WithoutOriginOrReferer_Returns403()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.PostConsentAsync(Form(("purposes", "all")), r => r.Headers.Remove("Origin"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_SameOriginReferer_IsAccepted()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.PostConsentAsync(Form(("purposes", "analytics")), r =>
        {
            r.Headers.Remove("Origin");
            r.Headers.Referrer = new Uri("http://localhost/privacy");
        });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Post_PlainText_Returns415()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.PostConsentAsync(new StringContent("purposes=all"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Get_Returns405()
    {
        using var client = fixture.Site.CreateCookieClient();
        var response = await client.GetAsync("/umbraco/personalization/api/consent");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
