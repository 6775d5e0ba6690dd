using Umbraco.Cms.Core.Models.Blocks;
using Umbraco.Cms.Core.Models.PublishedContent;

namespace UmbracoPersonalization.Web.Blocks;

/// <summary>The model of the <c>PersonalizedBlocks</c> view: the blocks to render and what was chosen per group.</summary>
/// <param name="Blocks">The blocks to render, in content order.</param>
/// <param name="PartialFolder"><c>blocklist</c> or <c>blockgrid</c>: where the blocks' partial views live.</param>
/// <param name="Choices">The choice per group of alternatives, with reasons.</param>
public sealed record PersonalizedBlocks(
    IReadOnlyList<IBlockReference<IPublishedElement, IPublishedElement>> Blocks,
    string PartialFolder,
    IReadOnlyList<BlockChoice> Choices)
{
    /// <summary>The partial view of a block, by Umbraco's convention.</summary>
    /// <param name="block">The block.</param>
    /// <returns>E.g. <c>blocklist/Components/heroBlock</c>.</returns>
    public string PartialFor(IBlockReference<IPublishedElement, IPublishedElement> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return $"{PartialFolder}/Components/{block.Content.ContentType.Alias}";
    }
}
