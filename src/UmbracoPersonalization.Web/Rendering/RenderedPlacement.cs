using Microsoft.AspNetCore.Html;
using UmbracoPersonalization.Core.Experiences;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>A decided and rendered placement, ready for a view. Every string in it is already safe for HTML.</summary>
public sealed class RenderedPlacement
{
    /// <summary>The placement alias.</summary>
    public required string Placement { get; init; }

    /// <summary>The key of the variant shown; <c>null</c> when nothing is shown.</summary>
    public string? VariantKey { get; init; }

    /// <summary>What the variant holds.</summary>
    public VariantKind Kind { get; init; }

    /// <summary>The variant body: sanitized HTML, or escaped text.</summary>
    public IHtmlContent Body { get; init; } = HtmlString.Empty;

    /// <summary>For a call to action: the link label (escaped text).</summary>
    public IHtmlContent? Label { get; init; }

    /// <summary>For a call to action: a safe link URL (local, http or https), or <c>null</c>.</summary>
    public string? Url { get; init; }

    /// <summary>Extra variant properties (raw strings; Razor escapes them when written).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the default was shown because nothing decided or something failed.</summary>
    public bool IsFallback { get; init; }

    /// <summary>An HTML comment with the decision reasons; only outside Production, otherwise empty.</summary>
    public IHtmlContent ReasonsComment { get; init; } = HtmlString.Empty;

    /// <summary>Whether there is anything to show.</summary>
    public bool HasContent => VariantKey is not null;
}
