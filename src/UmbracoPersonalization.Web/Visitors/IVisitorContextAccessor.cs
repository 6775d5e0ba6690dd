using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Web.Visitors;

/// <summary>
/// Gives views, view components and controllers the <see cref="VisitorContext"/> of the current request,
/// built by the personalization middleware.
/// </summary>
public interface IVisitorContextAccessor
{
    /// <summary>
    /// The visitor context of the current request; <c>null</c> outside a request, when personalization is disabled,
    /// or for requests the middleware skips (static files, back office).
    /// The context is built on first access, so read it after authentication has run (in views and controllers).
    /// </summary>
    VisitorContext? VisitorContext { get; }

    /// <summary>
    /// The visitor id this request's events are recorded under: the signed visitor cookie's, or, once a sign-in or
    /// sign-out during this request has moved the browser to another id, that one (the context's profile stays the one
    /// the request started with). <c>null</c> without consent, for bots, and wherever <see cref="VisitorContext"/> is.
    /// </summary>
    string? VisitorId => VisitorContext is { IsIdentified: true } context ? context.Profile.VisitorId : null;

    /// <summary>
    /// Describes the content of the current page (categories and tags), so conditions can use them and the
    /// page-view event raises the visitor's interest in them. Call it before the first personalized placement renders.
    /// </summary>
    /// <param name="categories">The page's categories.</param>
    /// <param name="tags">The page's tags.</param>
    void DescribePage(IEnumerable<string> categories, IEnumerable<string> tags);
}
