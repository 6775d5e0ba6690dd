using UmbracoPersonalization.Core.Catalogue;

namespace UmbracoPersonalization.Web.Catalogue;

/// <summary>One change to the catalogue: an item to add or replace, or a key to remove.</summary>
/// <param name="Item">The item to upsert, or <c>null</c> to remove.</param>
/// <param name="Key">The content key.</param>
internal readonly record struct CatalogueChange(CatalogueItem? Item, Guid Key)
{
    public static CatalogueChange Upsert(CatalogueItem item) => new(item, item.Key);

    public static CatalogueChange Remove(Guid key) => new(null, key);
}
