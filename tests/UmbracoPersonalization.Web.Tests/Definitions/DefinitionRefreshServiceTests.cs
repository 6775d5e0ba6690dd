using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Definitions;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Definitions;

public sealed class DefinitionRefreshServiceTests
{
    [Fact]
    public async Task StartAsync_DatabaseThatNeverAnswers_GivesUpAfterTheStartupTimeout_AndTheSiteStarts()
    {
        var time = new FakeTimeProvider();
        await using var services = new ServiceCollection().AddScoped<IDefinitionStore, NeverAnsweringStore>().BuildServiceProvider();
        var loaded = new LoadedDefinitions();
        using var refresh = new DefinitionRefreshService(
            services.GetRequiredService<IServiceScopeFactory>(),
            loaded,
            [],
            new StaticOptionsMonitor<PersonalizationSettings>(new PersonalizationSettings()),
            time,
            NullLogger<DefinitionRefreshService>.Instance);

        var start = refresh.StartAsync(CancellationToken.None);
        Assert.False(start.IsCompleted); // waiting for the database
        time.Advance(TimeSpan.FromSeconds(16));
        await start; // given up, not thrown: the host goes on starting

        Assert.Same(DefinitionSet.Empty, loaded.Current);
        await refresh.StopAsync(CancellationToken.None);
    }

    private sealed class NeverAnsweringStore : IDefinitionStore
    {
        public async Task<DefinitionSet> LoadAsync(CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return DefinitionSet.Empty;
        }

        public Task SaveSegmentAsync(SegmentDefinition segment, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> DeleteSegmentAsync(string alias, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task SaveExperienceAsync(ExperienceDefinition experience, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> DeleteExperienceAsync(string placement, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
