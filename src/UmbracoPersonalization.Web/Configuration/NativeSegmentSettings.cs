namespace UmbracoPersonalization.Web.Configuration;

/// <summary>
/// Umbraco's native segment variants, bound from <c>Umbraco:Personalization:Segments</c>.
/// </summary>
public sealed class NativeSegmentSettings
{
    /// <summary>
    /// Whether our segments are offered to the backoffice (our <c>ISegmentService</c> replaces Umbraco's
    /// <c>NoopSegmentService</c> and <c>Umbraco:CMS:Segment:Enabled</c> is switched on), the visitor's segment is set on
    /// the request's variation context after routing, and the Delivery API's requested segment comes from the visitor.
    /// Default: <c>true</c>.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether a client's <c>X-UMB-SEGMENT</c> header may choose the segment outside Production (editor preview).
    /// In Production the header is always removed before Umbraco reads it. Default: <c>true</c>.
    /// </summary>
    public bool AllowSegmentHeaderOutsideProduction { get; set; } = true;
}
