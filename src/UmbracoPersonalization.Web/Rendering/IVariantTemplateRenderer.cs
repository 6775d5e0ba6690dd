using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// Renders a variant's Liquid template for a visitor. The output is raw: the caller escapes text and sanitizes HTML.
/// </summary>
public interface IVariantTemplateRenderer
{
    /// <summary>Renders <paramref name="template"/>; throws when it cannot (the caller falls back to the default).</summary>
    string Render(string template, VisitorContext context);
}
