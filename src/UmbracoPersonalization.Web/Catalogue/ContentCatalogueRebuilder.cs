using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;
using UmbracoPersonalization.Core.Catalogue;

namespace UmbracoPersonalization.Web.Catalogue;

/// <summary>
/// Rebuilds the whole catalogue from Umbraco's content (first install, or after changes were dropped): every published,
/// non-trashed document is upserted, and catalogue items no longer published are removed. Run it from a backoffice
/// action, a scheduled job or a one-off endpoint: <c>await rebuilder.RebuildAsync()</c>.
/// </summary>
public sealed class ContentCatalogueRebuilder
{
    private const int PageSize = 200;
    private readonly IContentService _contentService;
    private readonly ICatalogueItemFactory _factory;
    private readonly IContentCatalogueStore _store;

    /// <summary>Creates the rebuilder.</summary>
    public ContentCatalogueRebuilder(IContentService contentService, ICatalogueItemFactory factory, IContentCatalogueStore store)
    {
        _contentService = contentService;
        _factory = factory;
        _store = store;
    }

    /// <summary>Rebuilds the catalogue.</summary>
    /// <param name="cancellationToken">Stops between pages.</param>
    /// <returns>How many items were written and removed.</returns>
    public async Task<(int Written, int Removed)> RebuildAsync(CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<Guid>();
        var written = 0;
        var page = new List<CatalogueItem>(PageSize);
        foreach (var root in _contentService.GetRootContent())
        {
            foreach (var content in Descendants(root).Prepend(root))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!content.Published || content.Trashed || _factory.Create(content) is not { } item)
                {
                    continue;
                }

                seen.Add(item.Key);
                page.Add(item);
                if (page.Count == PageSize)
                {
                    await _store.UpsertAsync(page, cancellationToken).ConfigureAwait(false);
                    written += page.Count;
                    page.Clear();
                }
            }
        }

        await _store.UpsertAsync(page, cancellationToken).ConfigureAwait(false);
        written += page.Count;
        var stale = (await _store.GetKeysAsync(cancellationToken).ConfigureAwait(false)).Where(k => !seen.Contains(k)).ToList();
        var removed = await _store.RemoveAsync(stale, cancellationToken).ConfigureAwait(false);
        return (written, removed);
    }

    private IEnumerable<IContent> Descendants(IContent root)
    {
        for (long pageIndex = 0; ; pageIndex++)
        {
            var items = _contentService.GetPagedDescendants(root.Id, pageIndex, PageSize, out var total).ToList();
            foreach (var item in items)
            {
                yield return item;
            }

            if (items.Count < PageSize || (pageIndex + 1) * PageSize >= total)
            {
                yield break;
            }
        }
    }
}
