namespace UmbracoPersonalization.Core.Events;

/// <summary>The kinds of thing a visitor does.</summary>
public enum VisitorEventType
{
    /// <summary>A page was viewed.</summary>
    PageView = 0,

    /// <summary>Something was clicked (a CTA, a recommendation).</summary>
    Click,

    /// <summary>A goal or conversion was reached.</summary>
    Goal,

    /// <summary>A decision was shown to the visitor (what experiment statistics count).</summary>
    Exposure,

    /// <summary>A site-defined event.</summary>
    Custom,
}
