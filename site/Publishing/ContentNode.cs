namespace UmbracoPersonalization.Site.Publishing;

/// <summary>One content item as written in a JSON file under <c>site/Content</c>.</summary>
internal sealed record ContentNode
{
    public required string Name { get; init; }

    public string UrlSegment { get; init; } = string.Empty;

    public required string ContentType { get; init; }

    public int SortOrder { get; init; }

    public string[] Categories { get; init; } = [];

    public string[] Tags { get; init; } = [];

    public string? Summary { get; init; }

    public string? Body { get; init; }

    public string? Image { get; init; }

    public string? Price { get; init; }

    public ContentNode[] Children { get; init; } = [];
}
