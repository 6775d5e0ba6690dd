using AngleSharp;
using AngleSharp.Dom;

namespace UmbracoPersonalization.Site.Tests.Infrastructure;

/// <summary>Fetches pages and parses them with AngleSharp.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    /// <summary>GETs <paramref name="url"/>, asserts 200 and returns the parsed document.</summary>
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return await ParseAsync(body);
    }

    /// <summary>Parses <paramref name="html"/>.</summary>
    public static Task<IDocument> ParseAsync(string html) => Context.OpenAsync(r => r.Content(html));

    /// <summary>The normalized text of the home hero placement.</summary>
    public static string HeroText(this IDocument document) =>
        Normalize(document.QuerySelector("[data-placement='home-hero']")?.TextContent);

    /// <summary>Collapses whitespace.</summary>
    public static string Normalize(string? text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
