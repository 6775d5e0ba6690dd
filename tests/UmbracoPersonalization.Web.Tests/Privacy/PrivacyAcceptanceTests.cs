using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Privacy;

/// <summary>The acceptance criteria through HTTP, against SQLite and PostgreSQL.</summary>
public sealed class PrivacyAcceptanceTests
{
    internal static async Task<string> ConsentAndBrowseAsync(TestSite.TestSite site, CookieClient client, int pages = 2, string purposes = "all")
    {
        await client.PostConsentAsync(Form(("purposes", purposes)));
        for (var i = 0; i < pages; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/?utm_source=news&email=me%40example.com")).StatusCode);
        }

        var visitorId = (await (await client.GetAsync("/probe")).ReadProbeAsync())!.VisitorId;
        await Waiting.UntilAsync(() => site.GetRequiredService<IProfileStore>().GetAsync(visitorId), p => p?.PageViews >= pages, "the page views are stored");
        return visitorId;
    }

    internal static async Task<IReadOnlyList<string>> ScanAllTablesAsync(TestSite.TestSite site, string needle)
    {
        await using var db = await site.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContextAsync();
        var hits = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            foreach (var property in entity.GetProperties().Where(p => p.GetRelationalTypeMapping().StoreType is var t && (t.Contains("char", StringComparison.OrdinalIgnoreCase) || t.Contains("text", StringComparison.OrdinalIgnoreCase))))
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE \"{property.GetColumnName(StoreObjectIdentifier.Table(table, null))}\" LIKE '%{needle}%'";
                if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    hits.Add($"{table}.{property.Name}");
                }
            }
        }

        return hits;
    }

    [SkippableTheory]
    [MemberData(nameof(PrivacySite.Providers), MemberType = typeof(PrivacySite))]
    public async Task NoCookieOrRow_BeforeConsent(string provider)
    {
        await using var privacy = await PrivacySite.StartAsync(provider);
        using var client = privacy.Site.CreateCookieClient();

        var response = await client.GetAsync("/");
        await client.GetAsync("/probe");

        Assert.Empty(response.SetCookies());
        Assert.Empty(client.Cookies.GetAllCookies());
        Assert.Empty(privacy.Site.GetRequiredService<TestSite.RecordingEventQueue>().Events);
        await using var db = await privacy.Site.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Profiles.CountAsync());
        Assert.Equal(0, await db.Events.CountAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(PrivacySite.Providers), MemberType = typeof(PrivacySite))]
    public async Task StoredUrls_KeepOnlyAllowListedQueryKeys(string provider)
    {
        await using var privacy = await PrivacySite.StartAsync(provider);
        using var client = privacy.Site.CreateCookieClient();
        var visitorId = await ConsentAndBrowseAsync(privacy.Site, client, pages: 1);

        var stored = await Waiting.UntilAsync(
            () => privacy.Site.GetRequiredService<IEventStore>().GetByVisitorAsync(visitorId), e => e.Count == 1, "the event is stored");

        Assert.Equal("/?utm_source=news", stored[0].Url);
        Assert.Empty(await ScanAllTablesAsync(privacy.Site, "example.com"));
    }

    [SkippableTheory]
    [MemberData(nameof(PrivacySite.Providers), MemberType = typeof(PrivacySite))]
    public async Task Withdrawal_DeletesTheStoredProfileAndEvents(string provider)
    {
        await using var privacy = await PrivacySite.StartAsync(provider);
        using var client = privacy.Site.CreateCookieClient();
        var visitorId = await ConsentAndBrowseAsync(privacy.Site, client);

        var response = await client.PostConsentAsync(Form(("purposes", "necessary")));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(client.GetCookie("up_vid"));
        Assert.Null(await privacy.Site.GetRequiredService<IProfileStore>().GetAsync(visitorId));
        Assert.Empty(await ScanAllTablesAsync(privacy.Site, visitorId));
        var entry = Assert.Single((await privacy.Site.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery())).Items);
        Assert.Equal((AuditActors.Self, AuditActions.ConsentWithdrawn), (entry.Actor, entry.Action));
    }

    [SkippableTheory]
    [MemberData(nameof(PrivacySite.Providers), MemberType = typeof(PrivacySite))]
    public async Task SelfServiceExport_ReturnsExactlyTheVisitorsData(string provider)
    {
        await using var privacy = await PrivacySite.StartAsync(provider);
        using var alice = privacy.Site.CreateCookieClient();
        using var bob = privacy.Site.CreateCookieClient();
        var aliceId = await ConsentAndBrowseAsync(privacy.Site, alice, pages: 2);
        var bobId = await ConsentAndBrowseAsync(privacy.Site, bob, pages: 3);

        var response = await alice.GetAsync("/umbraco/personalization/api/me/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        Assert.Equal([aliceId], json.RootElement.GetProperty("visitorIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, json.RootElement.GetProperty("events").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("events").EnumerateArray(), e => Assert.Equal(aliceId, e.GetProperty("visitorId").GetString()));
        Assert.Equal(aliceId, json.RootElement.GetProperty("profiles")[0].GetProperty("visitorId").GetString());
        Assert.DoesNotContain(bobId, body, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(PrivacySite.Providers), MemberType = typeof(PrivacySite))]
    public async Task SelfServiceErase_LeavesNoRowWithTheVisitorsIdInAnyTable(string provider)
    {
        await using var privacy = await PrivacySite.StartAsync(provider);
        using var alice = privacy.Site.CreateCookieClient();
        using var bob = privacy.Site.CreateCookieClient();
        var aliceId = await ConsentAndBrowseAsync(privacy.Site, alice);
        var bobId = await ConsentAndBrowseAsync(privacy.Site, bob);
        Assert.NotEmpty(await ScanAllTablesAsync(privacy.Site, aliceId));

        var request = new HttpRequestMessage(HttpMethod.Post, "/umbraco/personalization/api/me/erase") { Content = Form(("returnUrl", "/")) };
        request.Headers.Add("Origin", "http://localhost");
        var response = await alice.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Null(alice.GetCookie("up_vid"));
        Assert.Empty(await ScanAllTablesAsync(privacy.Site, aliceId));
        Assert.NotEmpty(await ScanAllTablesAsync(privacy.Site, bobId));
        var entry = Assert.Single((await privacy.Site.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Action = AuditActions.Erased })).Items);
        Assert.Null(entry.EntityKey);
    }

    [Theory]
    [InlineData("erase", "too many values", HttpStatusCode.BadRequest, "body")]
    [InlineData("erase", "a foreign return address", HttpStatusCode.BadRequest, "returnUrl")]
    [InlineData("preferences", "too many values", HttpStatusCode.BadRequest, "body")]
    [InlineData("preferences", "a foreign return address", HttpStatusCode.BadRequest, "returnUrl")]
    [InlineData("erase", "JSON", HttpStatusCode.UnsupportedMediaType, null)]
    public async Task SelfServicePost_WithBadInput_AnswersAProblem_AndChangesNothing(string action, string input, HttpStatusCode status, string? field)
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        using var client = privacy.Site.CreateCookieClient();
        var visitorId = await ConsentAndBrowseAsync(privacy.Site, client, pages: 1);
        HttpContent content = input switch
        {
            "too many values" => Form([.. Enumerable.Range(0, 9).Select(i => ("action", "pause"))]),
            "a foreign return address" => Form(("action", "pause"), ("returnUrl", "//evil.example/")),
            _ => JsonContent.Create(new { action = "pause" }),
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/umbraco/personalization/api/me/" + action) { Content = content };
        request.Headers.Add("Origin", "http://localhost");

        var response = await client.Http.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}");
        }

        var profile = await privacy.Site.GetRequiredService<IProfileStore>().GetAsync(visitorId);
        Assert.NotNull(profile);
        Assert.False(profile.PersonalizationPaused);
        Assert.NotNull(client.GetCookie("up_vid"));
    }

    [Fact]
    public async Task SelfServiceErase_CrossSiteOrWithoutOrigin_IsRefused()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        using var client = privacy.Site.CreateCookieClient();
        var visitorId = await ConsentAndBrowseAsync(privacy.Site, client, pages: 1);

        var crossSite = new HttpRequestMessage(HttpMethod.Post, "/umbraco/personalization/api/me/erase") { Content = Form(("x", "y")) };
        crossSite.Headers.Add("Origin", "https://evil.example");
        var noOrigin = new HttpRequestMessage(HttpMethod.Post, "/umbraco/personalization/api/me/erase") { Content = Form(("x", "y")) };
        var getErase = await client.GetAsync("/umbraco/personalization/api/me/erase");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.SendAsync(crossSite)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.SendAsync(noOrigin)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, getErase.StatusCode);
        Assert.NotNull(await privacy.Site.GetRequiredService<IProfileStore>().GetAsync(visitorId));
    }

    [Fact]
    public async Task SelfServiceExport_WithoutOrWithForgedCookie_IsNotFound()
    {
        await using var privacy = await PrivacySite.StartAsync("Sqlite");
        using var client = privacy.Site.CreateCookieClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/umbraco/personalization/api/me/export")).StatusCode);
        client.SetCookie("up_vid", "forged-0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/umbraco/personalization/api/me/export")).StatusCode);
    }
}
