using Microsoft.AspNetCore.Mvc;
using Umbraco.Cms.Core.Models.Blocks;
using Umbraco.Cms.Core.Models.PublishedContent;

namespace UmbracoPersonalization.Web.Blocks;

/// <summary>
/// Renders a Block List or Block Grid keeping, of each group of alternative blocks, only the block decided for this
/// visitor: <c>&lt;vc:personalized-blocks blocks="@Model.Blocks" /&gt;</c>. Each block is rendered with Umbraco's
/// partial-view convention, <c>blocklist/Components/{content type alias}</c> (Block Grid:
/// <c>blockgrid/Components/{alias}</c>), the block item as the model. Override the default view in
/// <c>Views/Shared/Components/PersonalizedBlocks/Default.cshtml</c> (model: <see cref="PersonalizedBlocks"/>).
/// </summary>
[ViewComponent(Name = "PersonalizedBlocks")]
public sealed class PersonalizedBlocksViewComponent : ViewComponent
{
    private readonly BlockVariantSelector _selector;

    /// <summary>Creates the view component.</summary>
    public PersonalizedBlocksViewComponent(BlockVariantSelector selector) => _selector = selector;

    /// <summary>Renders <paramref name="blocks"/>: a <see cref="BlockListModel"/> or <see cref="BlockGridModel"/>.</summary>
    /// <param name="blocks">The blocks; other block collections render nothing. (Typed as an enumerable rather than
    /// <see cref="object"/> so that MVC binds the argument by name.)</param>
    /// <returns>The view.</returns>
    public IViewComponentResult Invoke(IEnumerable<IBlockReference>? blocks) => blocks switch
    {
        BlockListModel list => View(new PersonalizedBlocks(_selector.Select(list, out var listChoices).ToList<IBlockReference<IPublishedElement, IPublishedElement>>(), "blocklist", listChoices)),
        BlockGridModel grid => View(new PersonalizedBlocks(_selector.Select(grid, out var gridChoices).ToList<IBlockReference<IPublishedElement, IPublishedElement>>(), "blockgrid", gridChoices)),
        _ => Content(string.Empty),
    };
}
