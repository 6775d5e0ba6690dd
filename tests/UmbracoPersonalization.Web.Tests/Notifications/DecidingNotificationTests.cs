using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Notifications;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Notifications;

public sealed class DecidingNotificationTests
{
    [Fact]
    public async Task Handler_OverridesTheVariant_PageRendersItAndReasonSaysOverridden()
    {
        await using var site = await TestSite.TestSite.StartAsync(services: s =>
            s.AddTransient<INotificationHandler<DecidingNotification>, ForceSpringHandler>());

        var html = await (await site.CreateClient().GetAsync("/")).ReadHtmlAsync();

        Assert.Equal("spring", html.QuerySelector("#hero [data-up-placement]")!.GetAttribute("data-up-variant"));
        var decision = site.GetRequiredService<IPersonalizer>().Decide("home-hero", Visitor());
        Assert.Equal("spring", decision.Variant!.Key);
        Assert.Equal(DecisionReasonKind.Overridden, decision.Reasons[^1].Kind);
        Assert.Contains("stock clearance", decision.Reasons[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_UnknownVariant_IsRefusedAndEngineDecisionKept()
    {
        await using var site = await TestSite.TestSite.StartAsync(services: s =>
            s.AddTransient<INotificationHandler<DecidingNotification>, UnknownVariantHandler>());

        var decision = site.GetRequiredService<IPersonalizer>().Decide("home-hero", Visitor());

        Assert.Equal("default", decision.Variant!.Key);
        Assert.DoesNotContain(decision.Reasons, r => r.Kind == DecisionReasonKind.Overridden);
    }

    [Fact]
    public async Task NoHandler_DecisionIsTheEngines()
    {
        await using var site = await TestSite.TestSite.StartAsync();

        var decision = site.GetRequiredService<IPersonalizer>().Decide("home-hero", Visitor());

        Assert.Equal("default", decision.Variant!.Key);
        Assert.True(decision.IsFallback);
    }

    private static Core.Visitors.VisitorContext Visitor() => new(
        Core.Visitors.VisitorProfile.CreateNew(string.Empty),
        new Core.Visitors.RequestContext { Timestamp = DateTimeOffset.UtcNow },
        Core.Consent.ConsentState.Undecided);

    public sealed class ForceSpringHandler : INotificationHandler<DecidingNotification>
    {
        public void Handle(DecidingNotification notification)
        {
            if (notification.Placement == "home-hero")
            {
                Assert.True(notification.Override("spring", "stock clearance"));
            }
        }
    }

    public sealed class UnknownVariantHandler : INotificationHandler<DecidingNotification>
    {
        public void Handle(DecidingNotification notification) => Assert.False(notification.Override("nope", "x"));
    }
}
