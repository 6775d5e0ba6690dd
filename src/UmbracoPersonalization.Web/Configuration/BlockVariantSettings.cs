namespace UmbracoPersonalization.Web.Configuration;

/// <summary>
/// The block-level variant convention, bound from <c>Umbraco:Personalization:Blocks</c>: a Block List / Block Grid
/// block whose <em>settings</em> element is of one of <see cref="SettingsElementTypes"/> takes part in
/// personalization through these property aliases.
/// </summary>
public sealed class BlockVariantSettings
{
    /// <summary>Aliases of the settings element types that carry personalization fields. Default: <c>personalizationSettings</c>.</summary>
    public string[] SettingsElementTypes { get; set; } = ["personalizationSettings"];

    /// <summary>Text: the name of the group of alternative blocks; blocks with the same group replace each other. Default: <c>upGroup</c>.</summary>
    public string GroupProperty { get; set; } = "upGroup";

    /// <summary>Text or list: segment aliases; the block is shown to visitors in any of them. Default: <c>upSegment</c>.</summary>
    public string SegmentProperty { get; set; } = "upSegment";

    /// <summary>Text: a placement alias whose decided variant must be <see cref="VariantProperty"/> (experiment arm). Default: <c>upPlacement</c>.</summary>
    public string PlacementProperty { get; set; } = "upPlacement";

    /// <summary>Text: the variant key of <see cref="PlacementProperty"/> this block stands for. Default: <c>upVariant</c>.</summary>
    public string VariantProperty { get; set; } = "upVariant";

    /// <summary>Date: shown from (site time). Default: <c>upShowFrom</c>.</summary>
    public string ShowFromProperty { get; set; } = "upShowFrom";

    /// <summary>Date: shown until, exclusive (site time). Default: <c>upShowUntil</c>.</summary>
    public string ShowUntilProperty { get; set; } = "upShowUntil";

    /// <summary>True/false: the group's fallback, shown when no other block of the group matches. Default: <c>upFallback</c>.</summary>
    public string FallbackProperty { get; set; } = "upFallback";
}
