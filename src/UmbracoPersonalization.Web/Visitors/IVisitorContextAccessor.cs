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
    /// Describes the content of the current page (categories and tags), so conditions can use them and the
    /// page-view event raises the visitor's interest in them. Call it before the first personalized placement renders.
    /// </summary>
    /// <param name="categories">The page's categories.</param>
    /// <param name="tags">The page's tags.</param>
    void DescribePage(IEnumerable<string> categories, IEnumerable<string> tags);
}
