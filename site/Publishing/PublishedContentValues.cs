using Umbraco.Cms.Core.Models.PublishedContent;

namespace UmbracoPersonalization.Site.Publishing;

/// <summary>Typed reads of the demo document types' properties, for views.</summary>
public static class PublishedContentValues
{
    /// <summary>A text property, or <c>null</c>.</summary>
    public static string? Text(this IPublishedElement content, string alias) =>
        content.GetProperty(alias)?.GetValue() as string;

    /// <summary>A list property (categories, tags), or an empty list.</summary>
    public static IReadOnlyList<string> List(this IPublishedElement content, string alias) =>
        content.GetProperty(alias)?.GetValue() as string[] ?? [];

    /// <summary>The URL of the page.</summary>
    public static string Url(this IPublishedContent content) => ContentCatalog.Url(content);
}
