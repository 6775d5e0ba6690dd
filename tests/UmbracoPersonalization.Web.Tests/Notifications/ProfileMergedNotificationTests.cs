using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Events;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Notifications;
using UmbracoPersonalization.Web.Tests.Privacy;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Notifications;

/// <summary>The merge on sign-in publishes <see cref="ProfileMergedNotification"/> through Umbraco's event aggregator.</summary>
public sealed class ProfileMergedNotificationTests
{
    [Fact]
    public async Task SignInOnASecondDevice_MergesAndPublishesOnce()
    {
        var received = new ConcurrentQueue<ProfileMergedNotification>();
        await using var privacy = await PrivacySite.StartAsync("Sqlite", services: s =>
        {
            s.AddSingleton(received);
            s.AddTransient<INotificationHandler<ProfileMergedNotification>, RecordingHandler>();
        });
        var site = privacy.Site;
        var profiles = site.GetRequiredService<IProfileStore>();
        using var deviceA = site.CreateCookieClient();
        using var deviceB = site.CreateCookieClient();

        var a = await PrivacyAcceptanceTests.ConsentAndBrowseAsync(site, deviceA, pages: 1);
        await deviceA.GetAsync("/probe", r => r.Headers.Add("X-Test-User", "member-7"));
        await Waiting.UntilAsync(() => profiles.GetAsync(a), p => p?.MemberKey == "member-7", "device A's profile is claimed");
        var b = await PrivacyAcceptanceTests.ConsentAndBrowseAsync(site, deviceB, pages: 1);
        await deviceB.GetAsync("/", r => r.Headers.Add("X-Test-User", "member-7"));
        await deviceB.GetAsync("/probe", r => r.Headers.Add("X-Test-User", "member-7"));

        var notification = Assert.Single(received);
        Assert.Equal((b, a, "member-7"), (notification.SourceVisitorId, notification.TargetVisitorId, notification.MemberKey));
    }

    public sealed class RecordingHandler(ConcurrentQueue<ProfileMergedNotification> received) : INotificationHandler<ProfileMergedNotification>
    {
        public void Handle(ProfileMergedNotification notification) => received.Enqueue(notification);
    }
}
