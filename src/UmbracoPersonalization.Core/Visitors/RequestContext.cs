using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// What the current request tells us, with or without consent: it drives contextual personalization
/// (campaign, referrer, device, language, time, the current page) even when nothing may be stored.
/// </summary>
public sealed record RequestContext
{
    /// <summary>The absolute URL of the page.</summary>
    public string Url { get; init; } = "/";

    /// <summary>The path of the page, e.g. <c>/bikes/city</c>.</summary>
    public string Path { get; init; } = "/";

    /// <summary>Query-string values (first value per key).</summary>
    public IReadOnlyDictionary<string, string> Query { get; init; } = EmptyQuery;

    /// <summary>The referrer URL, if any.</summary>
    public string? Referrer { get; init; }

    /// <summary>Campaign parameters from the URL.</summary>
    public UtmParameters Utm { get; init; } = UtmParameters.None;

    /// <summary>The device class reduced from the user agent.</summary>
    public DeviceClass Device { get; init; }

    /// <summary>The preferred language (first of <c>Accept-Language</c>).</summary>
    public string? Language { get; init; }

    /// <summary>The country (ISO 3166-1 alpha-2) from the configured header.</summary>
    public string? Country { get; init; }

    /// <summary>When the request happened, in the site's time zone.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Whether a member is logged in.</summary>
    public bool IsAuthenticated { get; init; }

    /// <summary>The logged-in member's groups.</summary>
    public IReadOnlyList<string> MemberGroups { get; init; } = [];

    /// <summary>Categories of the content on the current page.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Tags of the content on the current page.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// Further attributes contributed by the host (e.g. the Umbraco integration's attribute providers: host, cookies,
    /// member type, region, browser). Built-in attribute names always win over an entry with the same name.
    /// </summary>
    public IReadOnlyDictionary<string, AttributeValue> Extra { get; init; } = EmptyExtra;

    private static readonly IReadOnlyDictionary<string, AttributeValue> EmptyExtra =
        new Dictionary<string, AttributeValue>(StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, string> EmptyQuery =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
