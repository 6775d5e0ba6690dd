using Umbraco.Cms.Core.Models.PublishedContent;

namespace UmbracoPersonalization.Site.Publishing;

/// <summary>A published document read from a content file, behind Umbraco's own <see cref="IPublishedContent"/>.</summary>
internal sealed class FilePublishedContent : IPublishedContent
{
    private static readonly DateTime Published = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly IReadOnlyDictionary<string, PublishedCultureInfo> NoCultures =
        new Dictionary<string, PublishedCultureInfo>();

    private readonly Dictionary<string, IPublishedProperty> _properties;
    private readonly List<FilePublishedContent> _children = [];

    public FilePublishedContent(
        int id, ContentNode node, IPublishedContentType contentType, FilePublishedContent? parent, string route)
    {
        Id = id;
        Name = node.Name;
        UrlSegment = node.UrlSegment;
        SortOrder = node.SortOrder;
        ContentType = contentType;
        ParentItem = parent;
        Route = route;
        Level = parent is null ? 1 : parent.Level + 1;
        Path = parent is null ? $"-1,{id}" : $"{parent.Path},{id}";
        Key = DeterministicKey.For("content:" + route);
        Categories = node.Categories;
        Tags = node.Tags;

        object?[] values = [node.Summary, node.Body, node.Image, node.Categories, node.Tags, node.Price];
        _properties = new Dictionary<string, IPublishedProperty>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ContentTypes.PropertyAliases.Count; i++)
        {
            var alias = ContentTypes.PropertyAliases[i];
            _properties[alias] = new FilePublishedProperty(contentType.GetPropertyType(alias)!, values[i]);
        }

        parent?._children.Add(this);
    }

    /// <summary>The URL of the page, e.g. <c>/bikes/gravel-one/</c>.</summary>
    public string Route { get; }

    /// <summary>Categories of the page (also the <c>categories</c> property).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Tags of the page (also the <c>tags</c> property).</summary>
    public IReadOnlyList<string> Tags { get; }

    public int Id { get; }

    public string Name { get; }

    public string? UrlSegment { get; }

    public int SortOrder { get; }

    public int Level { get; }

    public string Path { get; }

    public int? TemplateId => null;

    public int CreatorId => -1;

    public DateTime CreateDate => Published;

    public int WriterId => -1;

    public DateTime UpdateDate => Published;

    public IReadOnlyDictionary<string, PublishedCultureInfo> Cultures => NoCultures;

    public PublishedItemType ItemType => PublishedItemType.Content;

    /// <summary>The parent, without Umbraco's obsolete <see cref="IPublishedContent.Parent"/>.</summary>
    public FilePublishedContent? ParentItem { get; }

    /// <summary>The children, without Umbraco's obsolete <see cref="IPublishedContent.Children"/>.</summary>
    public IReadOnlyList<FilePublishedContent> ChildItems => _children;

    [Obsolete("Umbraco 17 obsoletes this member; use ContentCatalog.ParentOf.")]
    public IPublishedContent? Parent => ParentItem;

    [Obsolete("Umbraco 17 obsoletes this member; use ContentCatalog.ChildrenOf.")]
    public IEnumerable<IPublishedContent> Children => _children;

    public IPublishedContentType ContentType { get; }

    public Guid Key { get; }

    public IEnumerable<IPublishedProperty> Properties => _properties.Values;

    public IPublishedProperty? GetProperty(string alias) => _properties.GetValueOrDefault(alias);

    public bool IsDraft(string? culture = null) => false;

    public bool IsPublished(string? culture = null) => true;
}
