using Umbraco.Cms.Core.Models.Blocks;

namespace UmbracoPersonalization.Web.Blocks;

/// <summary>What was chosen for one group of alternative blocks.</summary>
/// <param name="Group">The group name.</param>
/// <param name="Block">The block shown, or <c>null</c> when none matched and there is no fallback.</param>
/// <param name="Reason">Why, e.g. <c>segment vip</c> or <c>fallback: no block matched</c>.</param>
public sealed record BlockChoice(string Group, IBlockReference? Block, string Reason);
