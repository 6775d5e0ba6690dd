namespace UmbracoPersonalization.Core.Catalogue;

/// <summary>A published content item as the recommendation engine sees it.</summary>
/// <param name="Key">The content key.</param>
/// <param name="ContentType">The content type alias.</param>
/// <param name="Name">The name.</param>
/// <param name="Url">The URL (relative), when known.</param>
/// <param name="Tags">Tags, lower case.</param>
/// <param name="Categories">Categories, lower case.</param>
/// <param name="Text">Plain text for content-based similarity (HTML removed, bounded).</param>
/// <param name="PublishedAt">When it was published.</param>
public sealed record CatalogueItem(
    Guid Key,
    string ContentType,
    string Name,
    string? Url,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Categories,
    string Text,
    DateTimeOffset? PublishedAt);
