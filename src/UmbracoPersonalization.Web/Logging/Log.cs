using Microsoft.Extensions.Logging;

namespace UmbracoPersonalization.Web.Logging;

/// <summary>Source-generated log messages of the web integration.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Ignored an invalid visitor cookie; treating the request as a new visitor")]
    public static partial void InvalidVisitorCookie(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Loading the profile of a visitor took longer than {Timeout}; personalizing from the request alone")]
    public static partial void ProfileLoadTimedOut(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Loading the profile of a visitor failed; personalizing from the request alone")]
    public static partial void ProfileLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "The event queue dropped a page view (full or closed)")]
    public static partial void PageViewDropped(ILogger logger);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Recording a page view failed")]
    public static partial void PageViewFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "Building the visitor context failed; the request continues without personalization")]
    public static partial void VisitorContextFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Deciding placement '{Placement}' failed; rendering its default")]
    public static partial void DecisionFailed(ILogger logger, string placement, Exception exception);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Rendering variant '{Variant}' of placement '{Placement}' failed; rendering the default")]
    public static partial void VariantRenderFailed(ILogger logger, string placement, string variant, Exception exception);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Checking segment '{Segment}' failed; treating the visitor as not in it")]
    public static partial void SegmentCheckFailed(ILogger logger, string segment, Exception exception);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "<personalize> does not accept inline conditions; its content is hidden. Use a segment alias.")]
    public static partial void InlineConditionRejected(ILogger logger);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Loaded personalization definitions version {Version} ({Segments} segments, {Experiences} experiences)")]
    public static partial void DefinitionsLoaded(ILogger logger, long version, int segments, int experiences);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Error, Message = "Loading personalization definitions failed; keeping the previous snapshot")]
    public static partial void DefinitionsLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5040, Level = LogLevel.Warning, Message = "Attribute provider {Provider} failed; its attributes are missing for this request")]
    public static partial void AttributeProviderFailed(ILogger logger, Exception exception, string provider);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Warning, Message = "Applying the visitor's segment to the variation context failed")]
    public static partial void SegmentApplyFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Warning, Message = "A notification handler for {Notification} failed")]
    public static partial void NotificationFailed(ILogger logger, Exception exception, string notification);

    [LoggerMessage(EventId = 5043, Level = LogLevel.Warning, Message = "Updating the content catalogue failed for {Count} items")]
    public static partial void CatalogueUpdateFailed(ILogger logger, Exception exception, int count);
    [LoggerMessage(EventId = 5030, Level = LogLevel.Warning, Message = "Linking the visitor to the signed-in member failed; the page goes on and it is tried again on the next request")]
    public static partial void SignInMergeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5044, Level = LogLevel.Warning, Message = "Reading the consent for the banner failed; no banner is rendered")]
    public static partial void ConsentBannerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5045, Level = LogLevel.Warning, Message = "The content catalogue's queue is full: a change was dropped ({Dropped} so far); rebuild the catalogue once the site is quieter")]
    public static partial void CatalogueChangeDropped(ILogger logger, long dropped);
}
