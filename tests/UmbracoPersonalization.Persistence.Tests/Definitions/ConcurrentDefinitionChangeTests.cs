using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Definitions;

/// <summary>Two editors' changes at the same time, against the real stores.</summary>
public sealed class ConcurrentDefinitionChangeTests
{
    private static readonly ExperienceDefinition VipHero = new(
        "home-hero",
        "Home hero",
        [new VariantDefinition("default", "Default", VariantKind.Text, "Hello"), new VariantDefinition("vip", "VIP", VariantKind.Text, "Welcome back")],
        [new ExperienceRule("vip", SegmentAlias: "vip")],
        "default");

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARuleSavedWhileItsSegmentIsDeleted_IsValidatedAgainstTheNewSet_AndRefused(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        var store = services.GetRequiredService<IDefinitionStore>();
        var audit = services.GetRequiredService<IAuditLog>();
        Assert.True((await new DefinitionService(store, audit, TimeProvider.System).SaveSegmentAsync(new SegmentDefinition("vip", "VIP", """{"visits": {"$gte": 5}}"""), "ann")).Succeeded);

        // Editor B's save reads the set while "vip" exists; editor A's delete lands right after that read.
        var deleteFirst = new AfterFirstLoad(store, () => new DefinitionService(store, audit, TimeProvider.System).DeleteSegmentAsync("vip", "ann"));
        var result = await new DefinitionService(deleteFirst, audit, TimeProvider.System).SaveExperienceAsync(VipHero, "bob");

        Assert.Equal(DefinitionChangeStatus.Invalid, result.Status);
        Assert.True(deleteFirst.Ran);
        var stored = await store.LoadAsync();
        Assert.Empty(stored.Segments);
        Assert.Empty(stored.Experiences);
        DefinitionSnapshot.Compile(stored); // the stored set still compiles: the site keeps deciding
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnExperienceSavedUnderAnotherSpelling_ReplacesTheStoredOne(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        var definitions = services.GetRequiredService<IDefinitionService>();
        var plain = VipHero with { Rules = [] };
        Assert.True((await definitions.SaveExperienceAsync(plain, "ann")).Succeeded);

        Assert.True((await definitions.SaveExperienceAsync(plain with { Placement = "Home-Hero", Name = "Renamed" }, "bob")).Succeeded);
        Assert.True((await definitions.SaveSegmentAsync(new SegmentDefinition("vip", "VIP", """{"visits": 5}"""), "ann")).Succeeded);
        Assert.True((await definitions.DeleteSegmentAsync("VIP", "bob")).Succeeded); // deletes the stored "vip"

        var stored = await services.GetRequiredService<IDefinitionStore>().LoadAsync();
        Assert.Empty(stored.Segments);
        var experience = Assert.Single(stored.Experiences);
        Assert.Equal(("home-hero", "Renamed"), (experience.Placement, experience.Name));
        Assert.True((await definitions.DeleteExperienceAsync("HOME-HERO", "cy")).Succeeded);
        Assert.Empty((await services.GetRequiredService<IDefinitionStore>().LoadAsync()).Experiences);
    }

    /// <summary>A store whose first load is followed at once by another editor's change.</summary>
    private sealed class AfterFirstLoad(IDefinitionStore inner, Func<Task<DefinitionChangeResult>> otherChange) : IDefinitionStore
    {
        public bool Ran { get; private set; }

        public async Task<DefinitionSet> LoadAsync(CancellationToken cancellationToken = default)
        {
            var set = await inner.LoadAsync(cancellationToken);
            if (!Ran)
            {
                Ran = true;
                Assert.True((await otherChange()).Succeeded);
            }

            return set;
        }

        public Task SaveSegmentAsync(SegmentDefinition segment, CancellationToken cancellationToken = default) => inner.SaveSegmentAsync(segment, cancellationToken);

        public Task<bool> DeleteSegmentAsync(string alias, CancellationToken cancellationToken = default) => inner.DeleteSegmentAsync(alias, cancellationToken);

        public Task SaveExperienceAsync(ExperienceDefinition experience, CancellationToken cancellationToken = default) => inner.SaveExperienceAsync(experience, cancellationToken);

        public Task<bool> DeleteExperienceAsync(string placement, CancellationToken cancellationToken = default) => inner.DeleteExperienceAsync(placement, cancellationToken);

        public Task<bool> TrySaveSegmentAsync(SegmentDefinition segment, long expectedVersion, CancellationToken cancellationToken = default) =>
            inner.TrySaveSegmentAsync(segment, expectedVersion, cancellationToken);

        public Task<bool> TryDeleteSegmentAsync(string alias, long expectedVersion, CancellationToken cancellationToken = default) =>
            inner.TryDeleteSegmentAsync(alias, expectedVersion, cancellationToken);

        public Task<bool> TrySaveExperienceAsync(ExperienceDefinition experience, long expectedVersion, CancellationToken cancellationToken = default) =>
            inner.TrySaveExperienceAsync(experience, expectedVersion, cancellationToken);

        public Task<bool> TryDeleteExperienceAsync(string placement, long expectedVersion, CancellationToken cancellationToken = default) =>
            inner.TryDeleteExperienceAsync(placement, expectedVersion, cancellationToken);
    }
}
