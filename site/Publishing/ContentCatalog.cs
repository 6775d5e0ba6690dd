using System.Text.Json;
using Umbraco.Cms.Core.Models.PublishedContent;

namespace UmbracoPersonalization.Site.Publishing;

/// <summary>
/// The demo site's published content, loaded once from the JSON files in <c>site/Content</c>: plays the part of
/// Umbraco's published content cache and its URL provider.
/// </summary>
public sealed class ContentCatalog
{
    private const string RootFile = "home.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, FilePublishedContent> _byRoute = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FilePublishedContent> _all = [];
    private readonly FilePublishedContent _root;

    /// <summary>Loads every <c>*.json</c> file in <paramref name="contentFolder"/>; <c>home.json</c> is the root.</summary>
    public ContentCatalog(string contentFolder)
    {
        var rootPath = Path.Combine(contentFolder, RootFile);
        if (!File.Exists(rootPath))
        {
            throw new InvalidOperationException($"The content folder '{contentFolder}' has no {RootFile}.");
        }

        var types = new ContentTypes();
        var nextId = 1100;
        _root = Add(Read(rootPath), null, "/");

        var sections = Directory.EnumerateFiles(contentFolder, "*.json")
            .Where(f => !string.Equals(Path.GetFileName(f), RootFile, StringComparison.OrdinalIgnoreCase))
            .Select(Read)
            .OrderBy(n => n.SortOrder)
            .ThenBy(n => n.Name, StringComparer.Ordinal);
        foreach (var section in sections)
        {
            AddTree(section, _root);
        }

        void AddTree(ContentNode node, FilePublishedContent parent)
        {
            var content = Add(node, parent, $"{parent.Route}{node.UrlSegment}/");
            foreach (var child in node.Children)
            {
                AddTree(child, content);
            }
        }

        FilePublishedContent Add(ContentNode node, FilePublishedContent? parent, string route)
        {
            if (parent is not null && string.IsNullOrWhiteSpace(node.UrlSegment))
            {
                throw new InvalidOperationException($"Content '{node.Name}' has no urlSegment.");
            }

            var content = new FilePublishedContent(nextId++, node, types.Get(node.ContentType), parent, route);
            if (!_byRoute.TryAdd(route, content))
            {
                throw new InvalidOperationException($"Two content items have the URL '{route}'.");
            }

            _all.Add(content);
            return content;
        }
    }

    /// <summary>The home page.</summary>
    public IPublishedContent Root => _root;

    /// <summary>Every published item, in tree order.</summary>
    public IEnumerable<IPublishedContent> All => _all;

    /// <summary>The top-level sections, for navigation.</summary>
    public IEnumerable<IPublishedContent> Sections => _root.ChildItems;

    /// <summary>Finds the item at <paramref name="path"/> (with or without a trailing slash).</summary>
    public IPublishedContent? GetByRoute(string? path)
    {
        var route = string.IsNullOrEmpty(path) || path == "/" ? "/" : "/" + path.Trim('/') + "/";
        return _byRoute.GetValueOrDefault(route);
    }

    /// <summary>The parent of <paramref name="content"/>, or <c>null</c> for the root.</summary>
    public IPublishedContent? ParentOf(IPublishedContent content) =>
        content is FilePublishedContent file ? file.ParentItem : null;

    /// <summary>The children of <paramref name="content"/>, in order.</summary>
    public IEnumerable<IPublishedContent> ChildrenOf(IPublishedContent content) =>
        content is FilePublishedContent file ? file.ChildItems : [];

    /// <summary>The URL of <paramref name="content"/>.</summary>
    public static string Url(IPublishedContent content) =>
        content is FilePublishedContent file ? file.Route : "/";

    /// <summary>Items of <paramref name="contentType"/> in <paramref name="category"/>.</summary>
    public IEnumerable<IPublishedContent> InCategory(string category, string contentType) =>
        _all.Where(c => string.Equals(c.ContentType.Alias, contentType, StringComparison.OrdinalIgnoreCase)
                        && c.Categories.Contains(category, StringComparer.OrdinalIgnoreCase));

    private static ContentNode Read(string file)
    {
        using var stream = File.OpenRead(file);
        return JsonSerializer.Deserialize<ContentNode>(stream, JsonOptions)
               ?? throw new InvalidOperationException($"The content file '{file}' is empty.");
    }
}
