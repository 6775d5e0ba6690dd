namespace UmbracoPersonalization.Core.Experiences;

/// <summary>What a variant holds.</summary>
public enum VariantKind
{
    /// <summary>Sanitized HTML, optionally a Liquid template.</summary>
    Html = 0,

    /// <summary>Plain text, optionally a Liquid template (HTML-escaped on output).</summary>
    Text,

    /// <summary>A call to action: text plus <c>url</c> and <c>label</c> properties.</summary>
    CallToAction,

    /// <summary>A reference to content (a block or a content item) by key in <c>contentKey</c>.</summary>
    Content,
}
