namespace UmbracoPersonalization.Core.Visitors;

/// <summary>The class of device a request came from (the user agent is reduced to this and never stored).</summary>
public enum DeviceClass
{
    /// <summary>Not known.</summary>
    Unknown = 0,

    /// <summary>A desktop or laptop browser.</summary>
    Desktop,

    /// <summary>A phone.</summary>
    Mobile,

    /// <summary>A tablet.</summary>
    Tablet,

    /// <summary>A crawler, bot or monitoring agent: never profiled or counted.</summary>
    Bot,
}
