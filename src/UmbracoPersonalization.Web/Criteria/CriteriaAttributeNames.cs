namespace UmbracoPersonalization.Web.Criteria;

/// <summary>
/// Names of the attributes the Umbraco integration adds to the engine's built-in ones (see README "Criteria"
/// for the criteria table mapping Personalisation Groups and Umbraco Engage criteria to attributes).
/// </summary>
public static class CriteriaAttributeNames
{
    /// <summary><c>host</c>: the request host, lower case, without port.</summary>
    public const string Host = "host";

    /// <summary><c>cookies.&lt;name&gt;</c>: allow-listed cookie values.</summary>
    public const string Cookies = "cookies";

    /// <summary><c>session.&lt;key&gt;</c>: allow-listed session values.</summary>
    public const string Session = "session";

    /// <summary><c>region</c>: region/state code from the configured CDN header.</summary>
    public const string Region = "region";

    /// <summary><c>continent</c>: two-letter continent code (<c>AF AN AS EU NA OC SA</c>) from the configured CDN header.</summary>
    public const string Continent = "continent";

    /// <summary><c>browser</c>: <c>edge</c>, <c>opera</c>, <c>samsung</c>, <c>chrome</c>, <c>firefox</c>, <c>safari</c>, <c>other</c>.</summary>
    public const string Browser = "browser";

    /// <summary><c>minuteOfDay</c>: 0-1439 in the site's time zone (for time-of-day ranges such as 09:30-17:00 = 570-1020).</summary>
    public const string MinuteOfDay = "minuteOfDay";

    /// <summary><c>dayOfWeek</c>: <c>monday</c> … <c>sunday</c> in the site's time zone.</summary>
    public const string DayOfWeek = "dayOfWeek";

    /// <summary><c>memberType</c>: the logged-in member's type alias (from the configured claim).</summary>
    public const string MemberType = "memberType";

    /// <summary><c>member.&lt;field&gt;</c>: allow-listed member profile fields (claims).</summary>
    public const string Member = "member";

    /// <summary><c>sessions</c>: number of sessions (visits), Engage's name.</summary>
    public const string Sessions = "sessions";

    /// <summary><c>journeyStage</c>: customer-journey stage (the lifecycle stage, unless a <c>journeyStage</c> preference is set).</summary>
    public const string JourneyStage = "journeyStage";

    /// <summary><c>persona</c>: the visitor's persona (the <c>persona</c> preference).</summary>
    public const string Persona = "persona";

    /// <summary><c>campaign</c>: the UTM campaign of this request, else of the latest visit.</summary>
    public const string Campaign = "campaign";

    /// <summary><c>goalsReached</c>: array of the goal aliases the visitor reached.</summary>
    public const string GoalsReached = "goalsReached";
}
