using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Identity;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Privacy;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Identity;

/// <summary>The default <see cref="IVisitorSignIn"/>.</summary>
internal sealed class VisitorSignIn(
    VisitorIdentityService identity,
    IVisitorIdProtector protector,
    IOptionsMonitor<PersonalizationSettings> settings) : IVisitorSignIn
{
    public async Task<SignInResult?> SignInAsync(HttpContext context, string memberKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberKey);
        var feature = context.Features.Get<PersonalizationFeature>();
        var visitorId = feature is null ? VisitorRequest.VisitorId(context) : feature.VisitorId;
        if (visitorId is null || (feature is null && !VisitorRequest.Consent(context).AllowsStorage))
        {
            return null;
        }

        var result = await identity.SignInAsync(visitorId, memberKey, protector.NewVisitorId(), cancellationToken);
        if (!string.Equals(result.VisitorId, visitorId, StringComparison.Ordinal))
        {
            Switch(context, feature, result.VisitorId);
        }

        return result;
    }

    public string? SignOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Features.Get<PersonalizationFeature>();
        var visitorId = feature is null ? VisitorRequest.VisitorId(context) : feature.VisitorId;
        if (visitorId is null || (feature is null && !VisitorRequest.Consent(context).AllowsStorage))
        {
            return null;
        }

        var fresh = protector.NewVisitorId();
        Switch(context, feature, fresh);
        return fresh;
    }

    private void Switch(HttpContext context, PersonalizationFeature? feature, string visitorId)
    {
        feature?.SwitchVisitor(visitorId);
        if (context.Response.HasStarted)
        {
            return;
        }

        var current = settings.CurrentValue;
        context.Response.Cookies.Append(
            PersonalizationCookies.VisitorName(context.Request, current),
            protector.Protect(visitorId),
            PersonalizationCookies.Options(context.Request, current.VisitorCookieLifetime, httpOnly: true));
    }
}
