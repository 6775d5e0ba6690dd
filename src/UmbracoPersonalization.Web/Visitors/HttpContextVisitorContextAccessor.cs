using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Web.Visitors;

/// <summary>Reads the visitor context from the current request's features.</summary>
internal sealed class HttpContextVisitorContextAccessor : IVisitorContextAccessor
{
    private readonly IHttpContextAccessor _httpContextAccessor;

    public HttpContextVisitorContextAccessor(IHttpContextAccessor httpContextAccessor) =>
        _httpContextAccessor = httpContextAccessor;

    public VisitorContext? VisitorContext => Feature?.VisitorContext;

    public string? VisitorId => Feature?.VisitorId;

    private PersonalizationFeature? Feature => _httpContextAccessor.HttpContext?.Features.Get<PersonalizationFeature>();

    public void DescribePage(IEnumerable<string> categories, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(tags);
        Feature?.DescribePage(categories, tags);
    }
}
