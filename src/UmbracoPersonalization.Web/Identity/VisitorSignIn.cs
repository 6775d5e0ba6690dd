using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Events;
using UmbracoPersonalization.Core.Identity;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Logging;
using UmbracoPersonalization.Web.Notifications;
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

        if (result.Outcome == SignInOutcome.Merged)
        {
            await PublishMergedAsync(context, new ProfileMergedNotification(visitorId, result.VisitorId, memberKey), cancellationToken);
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

    /// <summary>After the merged profile was saved: tells site developers (a failing handler never fails the sign-in).</summary>
    private static async Task PublishMergedAsync(HttpContext context, ProfileMergedNotification notification, CancellationToken cancellationToken)
    {
        if (context.RequestServices.GetService<IEventAggregator>() is not { } events)
        {
            return;
        }

        try
        {
            await events.PublishAsync(notification, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NotificationFailed(context.RequestServices.GetRequiredService<ILogger<VisitorSignIn>>(), ex, nameof(ProfileMergedNotification));
        }
    }

    private void Switch(HttpContext context, PersonalizationFeature? feature, string visitorId)
    {
        feature?.SwitchVisitor(visitorId);
        if (context.Response.HasStarted)
        {
            return;
        }

        PersonalizationCookies.AppendVisitor(context, settings.CurrentValue, protector.Protect(visitorId));
    }
}
