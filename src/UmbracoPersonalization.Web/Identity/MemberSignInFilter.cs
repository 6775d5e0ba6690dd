using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Logging;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Identity;

/// <summary>
/// A global MVC action filter (it runs after authentication, unlike the middleware): when a member is signed in and
/// the visitor's profile does not carry their key yet, the visitor is signed in through <see cref="IVisitorSignIn"/>.
/// Costs nothing once the profile carries the key. A failure is logged and the page goes on. When nobody is signed in
/// but the browser still carries a member's visitor id, it gets a fresh anonymous id (<c>RotateVisitorIdOnSignOut</c>).
/// </summary>
internal sealed class MemberSignInFilter(IVisitorSignIn signIn, IOptionsMonitor<PersonalizationSettings> settings, ILogger<MemberSignInFilter> logger) : IAsyncActionFilter
{
    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var current = settings.CurrentValue;
        if (!current.Enabled)
        {
            return next();
        }

        var user = SignedInUser.Of(http);
        if (current.MergeOnSignIn
            && user is not null
            && http.Features.Get<PersonalizationFeature>() is { VisitorId: not null } feature
            && user.FindFirst(current.MemberKeyClaimType)?.Value is { Length: > 0 and <= 128 } memberKey
            && !string.Equals(feature.Profile.MemberKey, memberKey, StringComparison.Ordinal))
        {
            return SignInThenAsync(http, memberKey, next);
        }

        if (current.RotateVisitorIdOnSignOut
            && user is null
            && http.Features.Get<PersonalizationFeature>() is { VisitorId: not null, Profile.MemberKey: not null })
        {
            signIn.SignOut(http); // a member's id without a signed-in member: the member signed out
        }

        return next(); // most requests: nothing to await here, so no state machine
    }

    private async Task SignInThenAsync(HttpContext http, string memberKey, ActionExecutionDelegate next)
    {
        try
        {
            await signIn.SignInAsync(http, memberKey, http.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            Log.SignInMergeFailed(logger, ex);
        }

        await next();
    }
}
