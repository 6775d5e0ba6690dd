using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace UmbracoPersonalization.Web.Identity;

/// <summary>The authenticated principal of a request, if any.</summary>
internal static class SignedInUser
{
    /// <summary>
    /// The principal authentication put on the request when it is authenticated, else <c>null</c>. Read from the
    /// request's authentication feature: <see cref="HttpContext.User"/> creates an anonymous principal (three objects)
    /// for every request that nothing authenticated, which is most page views.
    /// </summary>
    public static ClaimsPrincipal? Of(HttpContext context) =>
        context.Features.Get<IHttpAuthenticationFeature>()?.User is { Identity.IsAuthenticated: true } user ? user : null;
}
