using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;

namespace UmbracoPersonalization.Core.Tests.Definitions;

public class DefinitionStoreDefaultsTests
{
    [Fact]
    public async Task GetVersionAsync_WhenTheStoreDoesNotOverrideIt_IsTheLoadedSetsVersion()
    {
        IDefinitionStore store = new LoadOnlyStore(new DefinitionSet([], [], Version: 42));

        Assert.Equal(42, await store.GetVersionAsync());
    }

    /// <summary>A store that only knows how to load everything, as a host's own store might.</summary>
    private sealed class LoadOnlyStore(DefinitionSet set) : IDefinitionStore
    {
        public Task<DefinitionSet> LoadAsync(CancellationToken cancellationToken = default) => Task.FromResult(set);

        public Task SaveSegmentAsync(SegmentDefinition segment, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> DeleteSegmentAsync(string alias, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task SaveExperienceAsync(ExperienceDefinition experience, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<bool> DeleteExperienceAsync(string placement, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
