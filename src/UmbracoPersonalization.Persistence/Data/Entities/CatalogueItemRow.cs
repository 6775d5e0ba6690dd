namespace UmbracoPersonalization.Persistence.Data.Entities;

/// <summary>A content catalogue item; tags and categories are JSON arrays.</summary>
public sealed class CatalogueItemRow
{
    /// <summary>The content key.</summary>
    public Guid Key { get; set; }

    /// <summary>The content type alias.</summary>
    public required string ContentType { get; set; }

    /// <summary>The name.</summary>
    public required string Name { get; set; }

    /// <summary>The URL, when known.</summary>
    public string? Url { get; set; }

    /// <summary>Tags as a JSON array.</summary>
    public required string Tags { get; set; }

    /// <summary>Categories as a JSON array.</summary>
    public required string Categories { get; set; }

    /// <summary>Plain text.</summary>
    public required string Text { get; set; }

    /// <summary>When published.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
}
