using Umbraco.Cms.Core.Models;
using UmbracoPersonalization.Core.Catalogue;

namespace UmbracoPersonalization.Web.Catalogue;

/// <summary>
/// Turns published Umbraco content into a catalogue item. Replace it (register your own first) to read other
/// properties, e.g. categories from a content picker.
/// </summary>
public interface ICatalogueItemFactory
{
    /// <summary>The catalogue item of <paramref name="content"/>, or <c>null</c> to leave it out.</summary>
    /// <param name="content">Content that was just published.</param>
    /// <returns>The item.</returns>
    CatalogueItem? Create(IContent content);
}
