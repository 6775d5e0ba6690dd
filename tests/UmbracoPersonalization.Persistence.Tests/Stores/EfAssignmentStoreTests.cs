using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Stores;

public sealed class EfAssignmentStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveAsync_Twice_KeepsTheFirstAssignment(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IAssignmentStore>();

        await store.SaveAsync(new VisitorAssignment("v1", "hero-test", 1, At));
        await store.SaveAsync(new VisitorAssignment("v1", "hero-test", 0, At.AddDays(1)));

        var assignment = Assert.Single(await store.GetByVisitorAsync("v1"));
        Assert.Equal(new VisitorAssignment("v1", "hero-test", 1, At), assignment);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetByVisitorAsync_ReturnsEveryExperimentOfThatVisitorOnly(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IAssignmentStore>();
        await store.SaveAsync(new VisitorAssignment("v1", "b", 2, At));
        await store.SaveAsync(new VisitorAssignment("v1", "a", 0, At));
        await store.SaveAsync(new VisitorAssignment("v2", "a", 1, At));

        var assignments = await store.GetByVisitorAsync("v1");

        Assert.Equal(["a", "b"], assignments.Select(a => a.ExperimentKey));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DeleteByVisitorAsync_RemovesThatVisitorsAssignments(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var store = (await database.MigratedServicesAsync()).GetRequiredService<IAssignmentStore>();
        await store.SaveAsync(new VisitorAssignment("v1", "a", 0, At));
        await store.SaveAsync(new VisitorAssignment("v1", "b", 1, At));
        await store.SaveAsync(new VisitorAssignment("v2", "a", 1, At));

        Assert.Equal(2, await store.DeleteByVisitorAsync("v1"));

        Assert.Empty(await store.GetByVisitorAsync("v1"));
        Assert.Single(await store.GetByVisitorAsync("v2"));
    }
}
