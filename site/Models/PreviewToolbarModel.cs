namespace UmbracoPersonalization.Site.Models;

/// <summary>What the preview toolbar shows.</summary>
/// <param name="Segments">Segment aliases an editor can view the page as.</param>
/// <param name="Current">The segment being previewed, if any.</param>
/// <param name="Path">The current page's path (the form submits back to it).</param>
public sealed record PreviewToolbarModel(IReadOnlyList<string> Segments, string? Current, string Path);
