using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.Visitors;

public class RequestContextFactoryTests
{
    private static RequestContext Request(params (string Key, string Value)[] query) => new()
    {
        Path = "/bikes/",
        Query = query.ToDictionary(q => q.Key, q => q.Value, StringComparer.OrdinalIgnoreCase),
    };

    [Fact]
    public void EventUrl_WithDefaultAllowList_KeepsOnlyCampaignKeys()
    {
        var url = RequestContextFactory.EventUrl(
            Request(("utm_source", "news"), ("email", "a@example.com"), ("ref", "mail")),
            UrlMinimizer.DefaultAllowedQueryKeys);

        Assert.Equal("/bikes/?utm_source=news", url);
    }

    [Fact]
    public void EventUrl_WithConfiguredKey_KeepsThatKeyToo()
    {
        var url = RequestContextFactory.EventUrl(
            Request(("utm_source", "news"), ("email", "a@example.com"), ("ref", "mail")),
            ["utm_*", "ref"]);

        Assert.Equal("/bikes/?utm_source=news&ref=mail", url);
    }

    [Fact]
    public void EventUrl_WithNoAllowedKey_IsThePathAlone()
    {
        var url = RequestContextFactory.EventUrl(Request(("email", "a@example.com")), UrlMinimizer.DefaultAllowedQueryKeys);

        Assert.Equal("/bikes/", url);
    }

    [Fact]
    public void EventUrl_EscapesKeptValues()
    {
        var url = RequestContextFactory.EventUrl(Request(("utm_campaign", "spring sale&more")), UrlMinimizer.DefaultAllowedQueryKeys);

        Assert.Equal("/bikes/?utm_campaign=spring%20sale%26more", url);
    }
}
