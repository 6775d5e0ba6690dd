using Umbraco.Cms.Core.Models.PublishedContent;
using UmbracoPersonalization.Site.Publishing;

namespace UmbracoPersonalization.Site.Models;

/// <summary>What a page view gets: the content and the catalogue for navigation and listings.</summary>
/// <param name="Content">The page's content.</param>
/// <param name="Catalog">All published content.</param>
public sealed record PageModel(IPublishedContent Content, ContentCatalog Catalog);
