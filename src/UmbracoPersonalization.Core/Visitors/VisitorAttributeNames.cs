namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// The attribute names conditions can use (see <see cref="VisitorAttributes"/> for what each holds).
/// Nested names (<c>utm.source</c>, <c>interests.bikes</c>) are objects walked by dotted paths.
/// </summary>
public static class VisitorAttributeNames
{
    /// <summary>The visitor id (string); null when the visitor is not identified.</summary>
    public const string Id = "id";

    /// <summary>Whether the visitor is identified by a consented cookie (boolean).</summary>
    public const string Identified = "identified";

    /// <summary>Visits (number).</summary>
    public const string Visits = "visits";

    /// <summary>Page views in all visits (number).</summary>
    public const string PageViews = "pageViews";

    /// <summary>Page views in the current visit (number).</summary>
    public const string VisitPageViews = "visitPageViews";

    /// <summary>Whole days since first seen (number).</summary>
    public const string DaysSinceFirstSeen = "daysSinceFirstSeen";

    /// <summary>Whole days since last seen (number).</summary>
    public const string DaysSinceLastSeen = "daysSinceLastSeen";

    /// <summary>Lifecycle stage: <c>new</c>, <c>engaged</c>, <c>loyal</c>, <c>at-risk</c>, <c>lapsed</c>.</summary>
    public const string Stage = "stage";

    /// <summary>Device: <c>desktop</c>, <c>mobile</c>, <c>tablet</c> or <c>unknown</c>.</summary>
    public const string Device = "device";

    /// <summary>Language, e.g. <c>nl-NL</c> (an explicit preference wins).</summary>
    public const string Language = "language";

    /// <summary>Country, ISO 3166-1 alpha-2 (an explicit preference wins).</summary>
    public const string Country = "country";

    /// <summary>This request's referrer, else the current visit's.</summary>
    public const string Referrer = "referrer";

    /// <summary>Host of <see cref="Referrer"/>, lower case.</summary>
    public const string ReferrerHost = "referrerHost";

    /// <summary>The referrer of the first visit.</summary>
    public const string FirstReferrer = "firstReferrer";

    /// <summary>Object: this request's campaign parameters, else the latest visit's (<c>source medium campaign term content</c>).</summary>
    public const string Utm = "utm";

    /// <summary>Object: the first campaign parameters seen.</summary>
    public const string FirstUtm = "firstUtm";

    /// <summary>Object: decayed interest per category.</summary>
    public const string Interests = "interests";

    /// <summary>Object: decayed interest per tag.</summary>
    public const string Tags = "tags";

    /// <summary>The strongest category (the explicit <c>interest</c> preference wins).</summary>
    public const string TopInterest = "topInterest";

    /// <summary>Topics the visitor picked in the preference centre (array).</summary>
    public const string Topics = "topics";

    /// <summary>Whether the visitor paused personalization (boolean).</summary>
    public const string PersonalizationPaused = "personalizationPaused";

    /// <summary>Object: times each goal was reached, by alias.</summary>
    public const string Goals = "goals";

    /// <summary>Object: explicit preferences (strings).</summary>
    public const string Preferences = "preferences";

    /// <summary>The page URL.</summary>
    public const string Url = "url";

    /// <summary>The page path.</summary>
    public const string Path = "path";

    /// <summary>Object: query-string values of the page.</summary>
    public const string Query = "query";

    /// <summary>Hour of the request, 0-23, in the offset of the request timestamp (the site's time zone).</summary>
    public const string Hour = "hour";

    /// <summary>Day of the week of the request, 0 = Sunday … 6 = Saturday.</summary>
    public const string Weekday = "weekday";

    /// <summary>Month of the request, 1-12.</summary>
    public const string Month = "month";

    /// <summary>Whether a member is logged in (boolean).</summary>
    public const string Authenticated = "authenticated";

    /// <summary>Array: the logged-in member's groups.</summary>
    public const string MemberGroups = "memberGroups";

    /// <summary>Object: the current page (<c>categories</c> and <c>tags</c> arrays).</summary>
    public const string Page = "page";

    /// <summary><c>segments</c>: the segments stored with the profile as of the last event.</summary>
    public const string Segments = "segments";

    /// <summary><c>visitSegments</c>: segments matched at any event of the current visit.</summary>
    public const string VisitSegments = "visitSegments";

    /// <summary><c>visitedPages</c>: the most recently viewed page paths.</summary>
    public const string VisitedPages = "visitedPages";

    /// <summary><c>events.&lt;name&gt;</c>: times a custom event was triggered.</summary>
    public const string Events = "events";
}
