using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Criteria;
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
    }

    private VisitorContext Build()
    {
        var user = _httpContext.User;
        var authenticated = user.Identity?.IsAuthenticated == true;
        var groups = authenticated
            ? user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToArray()
            : [];
        var request = Request with
        {
            IsAuthenticated = authenticated,
            MemberGroups = groups,
            Categories = _categories,
            Tags = _tags,
        };
        if (_attributeProviders.Count > 0)
        {
            request = request with { Extra = CollectAttributes(request) };
        }

        return new VisitorContext(Profile, request, Consent)
        {
            IsIdentified = VisitorId is not null,
            PreviewSegment = PreviewSegment,
        };
    }

    private IReadOnlyDictionary<string, Core.Conditions.AttributeValue> CollectAttributes(RequestContext request)
    {
        var context = new VisitorAttributeContext(_httpContext, Profile, request);
        foreach (var provider in _attributeProviders)
        {
            try
            {
                provider.Contribute(context);
            }
            catch (Exception ex)
            {
                if (_logger is not null)
                {
                    Log.AttributeProviderFailed(_logger, ex, provider.GetType().Name);
                }
            }
        }

        return context.Values;
    }

    private static string[] Clean(IEnumerable<string> values) => values
        .Where(v => !string.IsNullOrWhiteSpace(v))
        .Select(v => v.Trim())
        .Where(v => v.Length <= MaxTaxonomyLength)
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Take(MaxTaxonomyValues)
        .ToArray();
}
