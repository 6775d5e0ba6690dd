using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Identity;

namespace UmbracoPersonalization.Web.Identity;

/// <summary>
/// Links the browser's visitor to a member who signed in (merging the anonymous profile into the member's, see
/// <see cref="VisitorIdentityService"/>) and re-issues the visitor cookie when the id changes. The package calls it
/// from a global MVC action filter (<c>MergeOnSignIn</c>); call it yourself from a login handler in other hosts.
/// </summary>
public interface IVisitorSignIn
{
    /// <summary>
    /// Signs the request's visitor in as <paramref name="memberKey"/>; <c>null</c> when the visitor is not identified
    /// (no storage consent: nothing is linked or stored).
    /// </summary>
    Task<SignInResult?> SignInAsync(HttpContext context, string memberKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The member signed out: the browser gets a fresh anonymous visitor id (only with storage consent), so whoever
    /// uses it next is not profiled into the member's profile. Returns the new id, or <c>null</c> when not identified.
    /// </summary>
    string? SignOut(HttpContext context);
}
