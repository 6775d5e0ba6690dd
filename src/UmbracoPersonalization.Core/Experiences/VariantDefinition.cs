namespace UmbracoPersonalization.Core.Experiences;

/// <summary>Content a placement can show.</summary>
/// <param name="Key">Key unique within its experience, e.g. <c>spring</c>.</param>
/// <param name="Name">Display name for editors.</param>
/// <param name="Kind">What <paramref name="Content"/> holds.</param>
/// <param name="Content">The body: HTML, text, or a Liquid template when <paramref name="IsTemplate"/>.</param>
/// <param name="IsTemplate">Whether <paramref name="Content"/> (and string properties) are Liquid templates.</param>
/// <param name="Properties">Extra named values (e.g. <c>title</c>, <c>image</c>, <c>url</c>, <c>label</c>).</param>
public sealed record VariantDefinition(
    string Key,
    string Name,
    VariantKind Kind,
    string Content,
    bool IsTemplate = false,
    IReadOnlyDictionary<string, string>? Properties = null);
