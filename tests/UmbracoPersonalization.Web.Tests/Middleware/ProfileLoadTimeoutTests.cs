using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Visitors;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Middleware;

/// <summary>A profile store that does not answer within <c>ProfileLoadTimeout</c> never holds a page up.</summary>
public class ProfileLoadTimeoutTests
{
    [Fact]
    public async Task AStoreThatNeverAnswers_IsGivenUpAfterTheTimeout_AndThePageIsServedWithATransientProfile()
    {
        var store = new NeverAnsweringProfileStore();
        await using var site = await TestSite.TestSite.StartAsync(
            new Dictionary<string, string?> { ["Umbraco:Personalization:ProfileLoadTimeout"] = "00:00:00.050" },
            services: s => s.AddSingleton<IProfileStore>(store));
        using var client = site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));

        var page = await client.GetAsync("/?utm_campaign=spring");
        var probe = await (await client.GetAsync("/probe")).ReadProbeAsync();

        // Contextual personalization still works on the profile of this request alone, for the same visitor.
        var html = await page.ReadHtmlAsync();
        Assert.Equal("spring", html.QuerySelector("#hero [data-up-placement]")!.GetAttribute("data-up-variant"));
        Assert.True(probe!.Identified);
        Assert.True(store.Reads >= 2, "Both requests asked the store and were given up on.");
    }

    /// <summary>Every read waits until it is cancelled.</summary>
    private sealed class NeverAnsweringProfileStore : IProfileStore
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public async Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }

        public Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default) =>
            Task.FromResult(false);

        public Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
