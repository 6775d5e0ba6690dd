using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Tests.TestSite;
using static UmbracoPersonalization.Web.Tests.TestSite.HttpAssertions;

namespace UmbracoPersonalization.Web.Tests.Middleware;

/// <summary>The middleware takes a profile the store can give from memory without calling <c>GetAsync</c>.</summary>
public class ProfileFromMemoryTests
{
    [Fact]
    public async Task AProfileInTheStoresMemory_IsUsed_WithoutAskingTheDatabase()
    {
        var store = new MemoryOnlyProfileStore();
        await using var site = await TestSite.TestSite.StartAsync(services: s => s.AddSingleton<IProfileStore>(store));
        using var client = site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));
        var visitorId = (await (await client.GetAsync("/probe")).ReadProbeAsync())!.VisitorId;
        store.Remember(new VisitorProfile { VisitorId = visitorId, Visits = 2, LastUtm = new UtmParameters(Campaign: "spring") });

        var html = await (await client.GetAsync("/")).ReadHtmlAsync();

        // Only the remembered profile carries the spring campaign: GetAsync would have thrown.
        Assert.Equal("spring", html.QuerySelector("#hero [data-up-placement]")!.GetAttribute("data-up-variant"));
    }

    [Fact]
    public async Task AVisitorTheStoreKnowsHasNoProfile_IsServedATransientOne_WithoutAskingTheDatabase()
    {
        var store = new CountingMissingProfileStore();
        await using var site = await TestSite.TestSite.StartAsync(services: s => s.AddSingleton<IProfileStore>(store));
        using var client = site.CreateCookieClient();
        await client.PostConsentAsync(Form(("purposes", "all")));
        var visitorId = (await (await client.GetAsync("/probe")).ReadProbeAsync())!.VisitorId;
        var askedBefore = store.Reads;
        Assert.True(askedBefore > 0, "Without a marker the middleware asks the store.");

        store.KnownMissing = true;
        var response = await client.GetAsync("/");
        var probe = await (await client.GetAsync("/probe")).ReadProbeAsync();

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(askedBefore, store.Reads);
        Assert.True(probe!.Identified); // still the same consenting visitor, with a profile of this request alone
        Assert.Equal(visitorId, probe.VisitorId);
    }

    private sealed class CountingMissingProfileStore : IProfileStore
    {
        private int _reads;

        public bool KnownMissing { get; set; }

        public int Reads => Volatile.Read(ref _reads);

        public bool IsKnownMissing(string visitorId) => KnownMissing;

        public Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult<VisitorProfile?>(null);
        }

        public Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default) =>
            Task.FromResult(false);

        public Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }

    private sealed class MemoryOnlyProfileStore : IProfileStore
    {
        private readonly Dictionary<string, VisitorProfile> _memory = new(StringComparer.Ordinal);

        public void Remember(VisitorProfile profile)
        {
            lock (_memory)
            {
                _memory[profile.VisitorId] = profile;
            }
        }

        public bool TryGetFromMemory(string visitorId, [NotNullWhen(true)] out VisitorProfile? profile)
        {
            lock (_memory)
            {
                return _memory.TryGetValue(visitorId, out profile);
            }
        }

        public Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("the database is not there");

        public Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default) =>
            Task.FromResult(false);

        public Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default) => Task.FromResult(false);
    }
}
