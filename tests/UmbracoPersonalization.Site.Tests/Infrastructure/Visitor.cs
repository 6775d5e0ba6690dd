using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace UmbracoPersonalization.Site.Tests.Infrastructure;

/// <summary>
/// One browser: a cookie jar that outlives any one site instance, so a test can restart the site and come back
/// with the same cookies.
/// </summary>
public sealed class Visitor
{
    /// <summary>The site's consent endpoint.</summary>
    public const string ConsentEndpoint = "/umbraco/personalization/api/consent";

    /// <summary>The consent cookie's name (package default).</summary>
    public const string ConsentCookie = "up_consent";

    /// <summary>The visitor cookie's name (package default).</summary>
    public const string VisitorCookie = "up_vid";

    private static readonly Uri Origin = new("http://localhost");

    /// <summary>The visitor's cookies.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>A desktop browser's user agent: requests without one are treated as bots and never profiled.</summary>
    public const string BrowserUserAgent =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    /// <summary>A client for <paramref name="site"/> that sends and keeps this visitor's cookies, as a browser.</summary>
    public HttpClient ClientFor(SiteFactory site) =>
        AsBrowser(site.CreateDefaultClient(Origin, new RedirectHandler(), new CookieContainerHandler(Cookies)));

    /// <summary>As <see cref="ClientFor"/>, but redirects are returned instead of followed.</summary>
    public HttpClient ClientWithoutRedirectsFor(SiteFactory site) =>
        AsBrowser(site.CreateDefaultClient(Origin, new CookieContainerHandler(Cookies)));

    /// <summary>Makes <paramref name="client"/> send a browser's user agent.</summary>
    public static HttpClient AsBrowser(HttpClient client)
    {
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserUserAgent);
        return client;
    }

    /// <summary>The value of cookie <paramref name="name"/>, if the visitor has it.</summary>
    public string? Cookie(string name) => Cookies.GetCookies(Origin)[name]?.Value;

    /// <summary>Posts a consent choice the way the banner's form does, from this site's own page.</summary>
    public static async Task<HttpResponseMessage> ConsentAsync(HttpClient client, string purposes, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ConsentEndpoint)
        {
            Content = new FormUrlEncodedContent(purposes.Split(',').Select(p => KeyValuePair.Create("purposes", p))),
        };
        request.Headers.Add("Origin", Origin.GetLeftPart(UriPartial.Authority));
        configure?.Invoke(request);
        return await client.SendAsync(request);
    }

    /// <summary>The variant key the home hero placement rendered.</summary>
    public static string? HeroVariant(IDocument page) =>
        page.QuerySelector("[data-placement='home-hero'] [data-up-placement='home-hero']")?.GetAttribute("data-up-variant");
}
