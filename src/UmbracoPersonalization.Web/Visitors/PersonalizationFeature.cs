using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Criteria;
using UmbracoPersonalization.Web.Identity;
using UmbracoPersonalization.Web.Logging;
using Microsoft.Extensions.Logging;

namespace UmbracoPersonalization.Web.Visitors;

/// <summary>
/// What the middleware learned about the request, kept in <see cref="HttpContext.Features"/>.
/// The <see cref="VisitorContext"/> is materialized on first read, after authentication has run.
/// </summary>
internal sealed class PersonalizationFeature
{
    private const int MaxTaxonomyValues = 50;
    private const int MaxTaxonomyLength = 100;

    private readonly HttpContext _httpContext;
    private readonly IReadOnlyList<IVisitorAttributeProvider> _attributeProviders;
    private readonly ILogger? _logger;
    private VisitorContext? _context;
    private string[] _categories = [];
    private string[] _tags = [];

    public PersonalizationFeature(
        HttpContext httpContext,
        ConsentState consent,
        RequestContext request,
        VisitorProfile profile,
        string? visitorId,
        bool isBot,
        string? previewSegment,
        IReadOnlyList<IVisitorAttributeProvider>? attributeProviders = null,
        ILogger? logger = null)
    {
        _attributeProviders = attributeProviders ?? [];
        _logger = logger;
        _httpContext = httpContext;
        Consent = consent;
        Request = request;
        Profile = profile;
        VisitorId = visitorId;
        IsBot = isBot;
        PreviewSegment = previewSegment;
    }

    public ConsentState Consent { get; }

    public RequestContext Request { get; }

    public VisitorProfile Profile { get; }

    /// <summary>The signed visitor id, only with consent (and never for bots).</summary>
    public string? VisitorId { get; private set; }

    public bool IsBot { get; }

    public string? PreviewSegment { get; }

    public IReadOnlyList<string> Categories => _categories;

    /// <summary>The decisions made for this page so far (for the preference centre's "why am I seeing this?").</summary>
    public List<Core.Experiences.Decision> Decisions { get; } = [];

    public IReadOnlyList<string> Tags => _tags;

    public VisitorContext VisitorContext => _context ??= Build();

    /// <summary>The segment chosen for this request, once the segment selector has chosen it.</summary>
    public Segments.SegmentSelection? SegmentSelection { get; set; }

    /// <summary>After a sign-in moved the browser to the member's visitor id: this request's page view counts for it.</summary>
    public void SwitchVisitor(string visitorId) => VisitorId = visitorId;

    public void DescribePage(IEnumerable<string> categories, IEnumerable<string> tags)
    {
        var cleanCategories = Clean(categories);
        var cleanTags = Clean(tags);
        if (cleanCategories.AsSpan().SequenceEqual(_categories) && cleanTags.AsSpan().SequenceEqual(_tags))
        {
            return; // the context (and the attributes and memberships cached on it) already describe this page
        }

        _categories = cleanCategories;
        _tags = cleanTags;
        _context = null;

        // Chosen before the page was described (the segment filter runs before the action): choose again, so Umbraco's
        // variation context gets the segment that conditions on the page (page.categories, page.tags) select.
        SegmentSelection = null;
    }

    private VisitorContext Build()
    {
        var user = SignedInUser.Of(_httpContext);
        var authenticated = user is not null;
        var request = Request;
        var unchanged = !authenticated && !request.IsAuthenticated && request.MemberGroups.Count == 0
            && _categories.Length == 0 && request.Categories.Count == 0 && _tags.Length == 0 && request.Tags.Count == 0;
        if (!unchanged)
        {
            request = Request with
            {
                IsAuthenticated = authenticated,
                MemberGroups = user is not null
                    ? user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()
                    : [],
                Categories = _categories,
                Tags = _tags,
            };
        }

        if (_attributeProviders.Count > 0)
        {
            request = request with { Extra = new ProvidedAttributes(_httpContext, this, Profile, request, _attributeProviders, _logger) };
        }

        return new VisitorContext(Profile, request, Consent)
        {
            IsIdentified = VisitorId is not null,
            PreviewSegment = PreviewSegment,
        };
    }

    /// <summary>Trimmed, non-empty values of a bounded length, the first of each (ignoring case), at most 50.</summary>
    /// <remarks>A loop rather than a LINQ chain: it runs on every page view, and its few values need no set to dedupe.</remarks>
    internal static string[] Clean(IEnumerable<string> values)
    {
        string[]? clean = null;
        var count = 0;
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var trimmed = value.Trim();
            if (trimmed.Length > MaxTaxonomyLength || Contains(clean, count, trimmed))
            {
                continue;
            }

            clean ??= new string[values is IReadOnlyCollection<string> known ? Math.Clamp(known.Count, 1, MaxTaxonomyValues) : 4];
            if (count == clean.Length)
            {
                Array.Resize(ref clean, Math.Min(clean.Length * 2, MaxTaxonomyValues));
            }

            clean[count++] = trimmed;
            if (count == MaxTaxonomyValues)
            {
                break;
            }
        }

        if (clean is null)
        {
            return [];
        }

        if (count != clean.Length)
        {
            Array.Resize(ref clean, count);
        }

        return clean;
    }

    private static bool Contains(string[]? values, int count, string value)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(values![i], value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
