using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Privacy;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Privacy;

/// <summary>The editors' API behind the UmbracoPersonalization.Management policy (test authentication handler).</summary>
public sealed class ManagementApiTests
{
    private const string Api = "/umbraco/personalization/management/api";

    private static HttpRequestMessage Request(HttpMethod method, string path, string? user = null, string? roles = null, bool sameOrigin = true)
    {
        var request = new HttpRequestMessage(method, Api + path);
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
        }

        if (roles is not null)
        {
            request.Headers.Add("X-Test-Roles", roles);
        }

        if (sameOrigin)
        {
            request.Headers.Add("Origin", "http://localhost");
        }

        return request;
    }

    [Fact]
    public async Task Anonymous_Is401_WrongRole_Is403()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        var client = privacy.Site.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Request(HttpMethod.Get, "/audit"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Request(HttpMethod.Get, "/audit", "ed", "writer"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request(HttpMethod.Get, "/audit", "ed", "admin"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(Request(HttpMethod.Get, "/nothing-here", "ed", "admin"))).StatusCode);
    }

    [Fact]
    public async Task ConfiguredRoles_AndASitesOwnPolicy_AreHonoured()
    {
        await using (var privacy = await PrivacySite.StartAsync("Sqlite", new Dictionary<string, string?> { ["Umbraco:Personalization:ManagementRoles:0"] = "privacy-officer" }))
        {
            var client = privacy.Site.CreateClient();
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Request(HttpMethod.Get, "/audit", "ed", "admin"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request(HttpMethod.Get, "/audit", "dpo", "privacy-officer"))).StatusCode);
        }

        await using (var privacy = await PrivacySite.StartAsync("Sqlite", services: s => s.AddAuthorization(o =>
            o.AddPolicy(ManagementAuthorization.PolicyName, p => p.RequireAuthenticatedUser().RequireUserName("only-me")))))
        {
            var client = privacy.Site.CreateClient();
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Request(HttpMethod.Get, "/audit", "ed", "admin"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Request(HttpMethod.Get, "/audit", "only-me"))).StatusCode);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(PrivacySite.Providers), MemberType = typeof(PrivacySite))]
    public async Task EditorExportAndErase_ByVisitorId_AreAuditedWithTheEditorsName(string provider)
    {
        await using var privacy = await PrivacySite.StartAsync(provider);
        using var visitor = privacy.Site.CreateCookieClient();
        var visitorId = await PrivacyAcceptanceTests.ConsentAndBrowseAsync(privacy.Site, visitor);
        var client = privacy.Site.CreateClient();

        var export = await client.SendAsync(Request(HttpMethod.Get, $"/visitors/{visitorId}/export", "ed", "admin"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains(visitorId, await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Request(HttpMethod.Post, $"/visitors/{visitorId}/erase", "ed", "admin", sameOrigin: false))).StatusCode);
        var erase = await client.SendAsync(Request(HttpMethod.Post, $"/visitors/{visitorId}/erase", "ed", "admin"));
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(1, (await erase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profiles").GetInt32());
        Assert.Empty(await PrivacyAcceptanceTests.ScanAllTablesAsync(privacy.Site, visitorId));

        var audit = await client.SendAsync(Request(HttpMethod.Get, $"/audit?entityType={AuditEntityTypes.VisitorData}", "ed", "admin"));
        var page = await audit.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Equal(["erased", "exported"], page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.All(page.GetProperty("items").EnumerateArray(), e => Assert.Equal("ed", e.GetProperty("actor").GetString()));
        Assert.DoesNotContain(visitorId, page.ToString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(PrivacySite.Providers), MemberType = typeof(PrivacySite))]
    public async Task EditorErase_ByMemberKey_RemovesEveryDevice(string provider)
    {
        await using var privacy = await PrivacySite.StartAsync(provider);
        var profiles = privacy.Site.GetRequiredService<IProfileStore>();
        Assert.True(await profiles.SaveAsync(new VisitorProfile { VisitorId = "phone-4411", MemberKey = "member-77", Visits = 1 }, 0));
        Assert.True(await profiles.SaveAsync(new VisitorProfile { VisitorId = "laptop-4411", MemberKey = "member-77", Visits = 1 }, 0));
        var client = privacy.Site.CreateClient();

        var erase = await client.SendAsync(Request(HttpMethod.Post, "/members/member-77/erase", "ed", "admin"));

        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(2, (await erase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profiles").GetInt32());
        Assert.Empty(await PrivacyAcceptanceTests.ScanAllTablesAsync(privacy.Site, "4411"));
        Assert.Empty(await PrivacyAcceptanceTests.ScanAllTablesAsync(privacy.Site, "member-77"));
    }

    [Fact]
    public async Task Audit_DefinitionChanges_AreQueryableByEntityAndPaged()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        var definitions = privacy.Site.GetRequiredService<IDefinitionService>();
        await definitions.SaveSegmentAsync(new SegmentDefinition("fans", "Fans", """{"visits": 2}"""), "ann");
        await definitions.SaveSegmentAsync(new SegmentDefinition("fans", "Fans", """{"visits": 3}"""), "bob");
        await definitions.SaveSegmentAsync(new SegmentDefinition("other", "Other", """{"visits": 3}"""), "bob");
        var client = privacy.Site.CreateClient();

        var page = await (await client.SendAsync(Request(HttpMethod.Get, "/audit?entityType=segment&entityKey=fans&take=1", "ed", "admin"))).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var latest = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(("bob", "updated"), (latest.GetProperty("actor").GetString(), latest.GetProperty("action").GetString()));
        Assert.Contains("visits", latest.GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Request(HttpMethod.Get, "/audit?take=5000", "ed", "admin"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Request(HttpMethod.Get, "/audit?from=yesterday", "ed", "admin"))).StatusCode);
        var tooLong = await client.SendAsync(Request(HttpMethod.Get, "/audit?actor=" + new string('a', 300), "ed", "admin"));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode); // not silently unfiltered
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("actor", out _));
        var emptyFields = await (await client.SendAsync(Request(HttpMethod.Get, "/audit?entityType=segment&entityKey=fans&from=&to=&skip=&take=1", "ed", "admin"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, emptyFields.GetProperty("total").GetInt32()); // empty fields are no filter, not bad input
    }
}
