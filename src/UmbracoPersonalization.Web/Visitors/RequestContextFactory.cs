using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Net.Http.Headers;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Caching;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Visitors;

/// <summary>Builds the <see cref="RequestContext"/> of a request: bounded, validated values only.</summary>
internal sealed class RequestContextFactory
{
    private const int MaxUrlLength = 2048;
    private const int MaxQueryKeys = 32;
    private const int MaxQueryValueLength = 512;
    private const int MaxUtmLength = 200;
    private const int MaxLanguageLength = 35;

    private const int LanguageMemoCapacity = 1024;

    private static readonly ConcurrentDictionary<string, SiteTimeZoneClock> TimeZones = new(StringComparer.Ordinal);
    private static readonly BoundedMemo<string, string?> Languages = new(LanguageMemoCapacity, StringComparer.Ordinal, static header => header.Length <= 256);
    private static readonly IReadOnlyDictionary<string, string> NoQuery = new Dictionary<string, string>(0, StringComparer.OrdinalIgnoreCase);

    private readonly TimeProvider _timeProvider;

    public RequestContextFactory(TimeProvider timeProvider) => _timeProvider = timeProvider;

    public RequestContext Create(HttpRequest request, DeviceClass device, PersonalizationSettings settings)
    {
        var query = ReadQuery(request.Query);
        return new RequestContext
        {
            Url = Truncate(request.GetEncodedUrl(), MaxUrlLength),
            Path = Truncate(request.PathBase.Add(request.Path).Value is { Length: > 0 } p ? p : "/", MaxUrlLength),
            Query = query,
            Referrer = ReadReferrer(request.Headers.Referer),
            Utm = ReadUtm(query),
            Device = device,
            Language = ReadLanguage(request.Headers.AcceptLanguage),
            Country = settings.CountryHeader is { Length: > 0 } header ? ReadCountry(request.Headers[header]) : null,
            Timestamp = SiteNow(_timeProvider, settings),
        };
    }

    /// <summary>Now on the site's clock (<see cref="PersonalizationSettings.SiteTimeZone"/>), as a request's timestamp is.</summary>
    public static DateTimeOffset SiteNow(TimeProvider time, PersonalizationSettings settings) =>
        ClockFor(settings.SiteTimeZone).ToLocal(time.GetUtcNow());

    /// <summary>
    /// The page URL for events: the path plus only the query keys in <paramref name="allowedQueryKeys"/>
    /// (<c>Umbraco:Personalization:Privacy:AllowedQueryKeys</c>, campaign parameters by default).
    /// </summary>
    public static string EventUrl(RequestContext request, IReadOnlyCollection<string> allowedQueryKeys)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowedQueryKeys);
        if (request.Query.Count == 0)
        {
            return request.Path;
        }

        var pairs = request.Query
            .Where(kv => UrlMinimizer.IsAllowed(kv.Key, allowedQueryKeys))
            .Select(kv => $"{Uri.EscapeDataString(kv.Key)}={Uri.EscapeDataString(kv.Value)}")
            .ToList();
        return pairs.Count == 0 ? request.Path : Truncate(request.Path + "?" + string.Join('&', pairs), MaxUrlLength);
    }

    private static SiteTimeZoneClock ClockFor(string id) =>
        TimeZones.GetOrAdd(id, static key => new SiteTimeZoneClock(TimeZoneInfo.TryFindSystemTimeZoneById(key, out var tz) ? tz : TimeZoneInfo.Utc));

    private static IReadOnlyDictionary<string, string> ReadQuery(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return NoQuery;
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in query)
        {
            if (result.Count >= MaxQueryKeys)
            {
                break;
            }

            if (key.Length is > 0 and <= 100 && values.Count > 0 && values[0] is { } value)
            {
                result[key] = Truncate(value, MaxQueryValueLength);
            }
        }

        return result;
    }

    private static UtmParameters ReadUtm(IReadOnlyDictionary<string, string> query)
    {
        if (query.Count == 0)
        {
            return UtmParameters.None; // most page views carry no query: skip the five lookups
        }

        string? Get(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? Truncate(v.Trim(), MaxUtmLength) : null;
        var utm = new UtmParameters(Get("utm_source"), Get("utm_medium"), Get("utm_campaign"), Get("utm_term"), Get("utm_content"));
        return utm.IsEmpty ? UtmParameters.None : utm;
    }

    private static string? ReadReferrer(string? value) =>
        value is { Length: > 0 and <= MaxUrlLength }
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped)
            : null;

    internal static string? ReadLanguage(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage) || acceptLanguage.Length > 1000)
        {
            return null;
        }

        // Browsers send the same few headers over and over: remember what each one means.
        return Languages.GetOrAdd(acceptLanguage, 0, static (header, _) => PreferredLanguage(header));
    }

    private static string? PreferredLanguage(string acceptLanguage)
    {
        if (!StringWithQualityHeaderValue.TryParseList([acceptLanguage], out var values))
        {
            return null;
        }

        var best = values
            .Where(v => v.Value.Length is > 0 and <= MaxLanguageLength && v.Value.Value != "*" && (v.Quality ?? 1) > 0)
            .OrderByDescending(v => v.Quality ?? 1)
            .Select(v => v.Value.Value!)
            .FirstOrDefault(IsLanguageTag);
        return best;
    }

    internal static string? ReadCountry(string? value)
    {
        var v = value?.Trim();
        if (v is not { Length: 2 } || !char.IsAsciiLetter(v[0]) || !char.IsAsciiLetter(v[1]))
        {
            return null;
        }

        var upper = v.ToUpperInvariant();
        return upper is "XX" or "T1" ? null : upper; // unknown / Tor, as CDNs report them
    }

    private static bool IsLanguageTag(string value)
    {
        var parts = value.Split('-');
        return parts[0].Length is >= 1 and <= 8 && parts[0].All(char.IsAsciiLetter)
            && parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
