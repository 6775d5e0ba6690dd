using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Models.Blocks;

namespace UmbracoPersonalization.Web.Blocks;

/// <summary>
/// HTML helpers for block-level variants, to keep Umbraco's own block rendering:
/// <c>@await Html.GetBlockListHtmlAsync(Html.PersonalizeBlocks(Model.Blocks))</c>.
/// </summary>
public static class BlockHtmlHelperExtensions
{
    /// <summary>The Block List with only the decided block of each group of alternatives.</summary>
    /// <param name="html">The HTML helper.</param>
    /// <param name="blocks">The blocks.</param>
    /// <returns>A filtered model.</returns>
    public static BlockListModel PersonalizeBlocks(this IHtmlHelper html, BlockListModel? blocks)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.ViewContext.HttpContext.RequestServices.GetRequiredService<BlockVariantSelector>().Select(blocks);
    }

    /// <summary>The Block Grid (top level) with only the decided block of each group of alternatives.</summary>
    /// <param name="html">The HTML helper.</param>
    /// <param name="blocks">The blocks.</param>
    /// <returns>A filtered model.</returns>
    public static BlockGridModel PersonalizeBlocks(this IHtmlHelper html, BlockGridModel? blocks)
    {
        ArgumentNullException.ThrowIfNull(html);
        return html.ViewContext.HttpContext.RequestServices.GetRequiredService<BlockVariantSelector>().Select(blocks);
    }
}
