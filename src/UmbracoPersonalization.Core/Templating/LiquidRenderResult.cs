namespace UmbracoPersonalization.Core.Templating;

/// <summary>The HTML a template produced, or the fallback text and why.</summary>
/// <param name="Html">HTML-safe output (values escaped; in <see cref="LiquidOutputMode.Html"/> the template's own markup is kept).</param>
/// <param name="IsFallback">Whether the fallback was rendered instead of the template.</param>
/// <param name="Error">Why the template was not rendered; null on success.</param>
public sealed record LiquidRenderResult(string Html, bool IsFallback, string? Error = null);
