namespace UmbracoPersonalization.Web.Configuration;

/// <summary>
/// The content catalogue kept in sync with published content, bound from <c>Umbraco:Personalization:Catalogue</c>.
/// </summary>
public sealed class CatalogueSettings
{
    /// <summary>Whether publishing, unpublishing, trashing and deleting content updates the catalogue. Default: <c>true</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Alias of the property holding tags (a tags editor, JSON array or comma-separated). Default: <c>tags</c>.</summary>
    public string TagsProperty { get; set; } = "tags";

    /// <summary>Alias of the property holding categories (JSON array or comma-separated). Default: <c>categories</c>.</summary>
    public string CategoriesProperty { get; set; } = "categories";

    /// <summary>Aliases of text properties whose plain text feeds content similarity. Default: <c>bodyText</c>, <c>description</c>, <c>summary</c>.</summary>
    public string[] TextProperties { get; set; } = ["bodyText", "description", "summary"];

    /// <summary>Content type aliases left out of the catalogue (e.g. settings or folder types). Default: none.</summary>
    public string[] ExcludedContentTypes { get; set; } = [];

    /// <summary>Most characters of text kept per item. Default: 4,000.</summary>
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>Most changes waiting in memory; more are dropped and logged (a rebuild repairs). Default: 10,000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most changes written in one batch. Default: 200.</summary>
    public int BatchSize { get; set; } = 200;
}
