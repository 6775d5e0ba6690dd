using Umbraco.Cms.Core.Models.PublishedContent;

namespace UmbracoPersonalization.Site.Hosting;

/// <summary>The published content a request resolved to, kept on the request (like Umbraco's published request).</summary>
public static class CurrentPage
{
    private static readonly object Key = new();

    /// <summary>The page of this request, or <c>null</c> when the URL is not content.</summary>
    public static IPublishedContent? GetCurrentPage(this HttpContext context) =>
        context.Items.TryGetValue(Key, out var page) ? page as IPublishedContent : null;

    /// <summary>Sets the page of this request.</summary>
    public static void SetCurrentPage(this HttpContext context, IPublishedContent page) => context.Items[Key] = page;
}
