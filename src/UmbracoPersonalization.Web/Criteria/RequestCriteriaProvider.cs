using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Web.Caching;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Criteria;

/// <summary>
/// Request criteria: <c>host</c>, allow-listed <c>cookies.*</c> and <c>session.*</c>, <c>region</c> and <c>continent</c>
/// (CDN headers), <c>browser</c>, <c>minuteOfDay</c> and <c>dayOfWeek</c> (site time zone).
/// </summary>
internal sealed class RequestCriteriaProvider(IOptionsMonitor<PersonalizationSettings> settings) : IVisitorAttributeProvider
{
    private const int MaxValueLength = 512;
    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private static readonly HashSet<string> Continents = new(StringComparer.Ordinal) { "AF", "AN", "AS", "EU", "NA", "OC", "SA" };

    // The same few user agents and Host headers arrive over and over: remember what each one means (not the outsized
    // ones a client may send, so the memory held stays small).
    private static readonly BoundedMemo<string, string> Browsers = new(4096, StringComparer.Ordinal, static ua => ua.Length <= 1024);
    private static readonly BoundedMemo<string, string> Hosts = new(256, StringComparer.Ordinal, static host => host.Length <= 255);

    public void Contribute(VisitorAttributeContext context)
    {
        var criteria = settings.CurrentValue.Criteria;
        var request = context.HttpContext.Request;
        context.Add(CriteriaAttributeNames.Host, HostOf(request.Host));
        context.Add(CriteriaAttributeNames.Browser, Browsers.GetOrAdd(request.Headers.UserAgent.ToString(), 0, static (ua, _) => BrowserOf(ua)));
        var now = context.Request.Timestamp;
        context.Add(CriteriaAttributeNames.MinuteOfDay, AttributeValue.From((now.Hour * 60) + now.Minute));
        context.Add(CriteriaAttributeNames.DayOfWeek, DayNames[(int)now.DayOfWeek]);

        if (criteria.Cookies.Length > 0)
        {
            context.AddObject(CriteriaAttributeNames.Cookies, Allowed(criteria.Cookies, request.Cookies, static (cookies, name) => cookies[name]));
        }

        if (criteria.SessionKeys.Length > 0 && SessionOf(context.HttpContext) is { } session)
        {
            context.AddObject(CriteriaAttributeNames.Session, Allowed(criteria.SessionKeys, session, static (s, key) => s.GetString(key)));
        }

        if (criteria.RegionHeader is { Length: > 0 } regionHeader)
        {
            context.Add(CriteriaAttributeNames.Region, ReadCode(request.Headers[regionHeader].ToString(), 1, 10));
        }

        if (criteria.ContinentHeader is { Length: > 0 } continentHeader
            && ReadCode(request.Headers[continentHeader].ToString(), 2, 2) is { } continent
            && Continents.Contains(continent))
        {
            context.Add(CriteriaAttributeNames.Continent, continent);
        }
    }

    /// <summary>The browser family of a user agent; order matters (Edge and Opera also say Chrome, Chrome also says Safari).</summary>
    internal static string BrowserOf(string userAgent)
    {
        var ua = userAgent.AsSpan(0, Math.Min(userAgent.Length, 1024));
        // Edge and Opera on Android and iOS name themselves EdgA/, EdgiOS/ and OPT/.
        if (ua.Contains("Edg/", StringComparison.Ordinal) || ua.Contains("Edge/", StringComparison.Ordinal)
            || ua.Contains("EdgA/", StringComparison.Ordinal) || ua.Contains("EdgiOS/", StringComparison.Ordinal))
        {
            return "edge";
        }

        if (ua.Contains("OPR/", StringComparison.Ordinal) || ua.Contains("Opera", StringComparison.Ordinal) || ua.Contains("OPT/", StringComparison.Ordinal))
        {
            return "opera";
        }

        if (ua.Contains("SamsungBrowser", StringComparison.Ordinal))
        {
            return "samsung";
        }

        if (ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("CriOS/", StringComparison.Ordinal))
        {
            return "chrome";
        }

        if (ua.Contains("Firefox/", StringComparison.Ordinal) || ua.Contains("FxiOS/", StringComparison.Ordinal))
        {
            return "firefox";
        }

        return ua.Contains("Safari/", StringComparison.Ordinal) ? "safari" : "other";
    }

    private static string HostOf(HostString host)
    {
        var value = host.Value;
        return string.IsNullOrEmpty(value) ? string.Empty : Hosts.GetOrAdd(value, host, static (_, h) => h.Host.ToLowerInvariant());
    }

    /// <summary>The allow-listed names that have a value of a bounded length.</summary>
    private static List<KeyValuePair<string, string>> Allowed<TSource>(string[] names, TSource source, Func<TSource, string, string?> read)
    {
        var pairs = new List<KeyValuePair<string, string>>(names.Length);
        foreach (var name in names)
        {
            if (read(source, name) is { Length: <= MaxValueLength } value)
            {
                pairs.Add(KeyValuePair.Create(name, value));
            }
        }

        return pairs;
    }

    private static ISession? SessionOf(HttpContext httpContext)
    {
        if (httpContext.Features.Get<Microsoft.AspNetCore.Http.Features.ISessionFeature>()?.Session is not { IsAvailable: true } session)
        {
            return null;
        }

        return session;
    }

    private static string? ReadCode(string value, int min, int max)
    {
        var v = value.Trim();
        return v.Length >= min && v.Length <= max && v.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? v.ToUpperInvariant()
            : null;
    }
}
