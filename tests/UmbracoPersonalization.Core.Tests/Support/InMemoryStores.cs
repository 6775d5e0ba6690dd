using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Identity;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Support;

/// <summary>Every store in memory, behaving as the EF stores document (optimistic saves, first assignment wins).</summary>
internal sealed class InMemoryStores : IProfileStore, IEventStore, IAssignmentStore, IVisitorIdentityStore, IDefinitionStore
{
    public Dictionary<string, VisitorProfile> Profiles { get; } = new(StringComparer.Ordinal);

    public List<VisitorEvent> Events { get; } = [];

    public List<VisitorAssignment> Assignments { get; } = [];

    public List<SegmentDefinition> Segments { get; } = [];

    public List<ExperienceDefinition> Experiences { get; } = [];

    public long DefinitionsVersion { get; private set; }

    public Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Profiles.TryGetValue(visitorId, out var p) ? p.Clone() : null);

    public Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var stored = Profiles.TryGetValue(profile.VisitorId, out var p) ? p.Version : 0;
        if (stored != expectedVersion)
        {
            return Task.FromResult(false);
        }

        profile.Version = expectedVersion + 1;
        Profiles[profile.VisitorId] = profile.Clone();
        return Task.FromResult(true);
    }

    public Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Profiles.Remove(visitorId));

    public Task AppendAsync(IReadOnlyCollection<VisitorEvent> events, CancellationToken cancellationToken = default)
    {
        Events.AddRange(events.Where(e => Events.All(x => x.Id != e.Id)));
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<VisitorEvent>> IEventStore.GetByVisitorAsync(string visitorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VisitorEvent>>([.. Events.Where(e => e.VisitorId == visitorId).OrderBy(e => e.Timestamp)]);

    Task<int> IEventStore.DeleteByVisitorAsync(string visitorId, CancellationToken cancellationToken) =>
        Task.FromResult(Events.RemoveAll(e => e.VisitorId == visitorId));

    Task<IReadOnlyList<VisitorAssignment>> IAssignmentStore.GetByVisitorAsync(string visitorId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VisitorAssignment>>([.. Assignments.Where(a => a.VisitorId == visitorId)]);

    public Task SaveAsync(VisitorAssignment assignment, CancellationToken cancellationToken = default)
    {
        if (!Assignments.Any(a => a.VisitorId == assignment.VisitorId && a.ExperimentKey == assignment.ExperimentKey))
        {
            Assignments.Add(assignment);
        }

        return Task.CompletedTask;
    }

    Task<int> IAssignmentStore.DeleteByVisitorAsync(string visitorId, CancellationToken cancellationToken) =>
        Task.FromResult(Assignments.RemoveAll(a => a.VisitorId == visitorId));

    public Task<VisitorProfile?> FindByMemberKeyAsync(string memberKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(Profiles.Values.Where(p => p.MemberKey == memberKey)
            .OrderBy(p => p.FirstSeen).ThenBy(p => p.VisitorId, StringComparer.Ordinal)
            .FirstOrDefault()?.Clone());

    public Task<IReadOnlyList<string>> GetVisitorIdsByMemberKeyAsync(string memberKey, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([.. Profiles.Values.Where(p => p.MemberKey == memberKey).Select(p => p.VisitorId)]);

    public Task<VisitorRekeyResult> RekeyAsync(string fromVisitorId, string toVisitorId, CancellationToken cancellationToken = default)
    {
        var events = 0;
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i].VisitorId == fromVisitorId)
            {
                Events[i] = Events[i] with { VisitorId = toVisitorId };
                events++;
            }
        }

        var moved = 0;
        var dropped = 0;
        foreach (var a in Assignments.Where(a => a.VisitorId == fromVisitorId).ToList())
        {
            Assignments.Remove(a);
            if (Assignments.Any(x => x.VisitorId == toVisitorId && x.ExperimentKey == a.ExperimentKey))
            {
                dropped++;
            }
            else
            {
                Assignments.Add(a with { VisitorId = toVisitorId });
                moved++;
            }
        }

        return Task.FromResult(new VisitorRekeyResult(events, moved, dropped));
    }

    public Task<DefinitionSet> LoadAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new DefinitionSet([.. Segments], [.. Experiences], DefinitionsVersion));

    public Task SaveSegmentAsync(SegmentDefinition segment, CancellationToken cancellationToken = default)
    {
        Segments.RemoveAll(s => string.Equals(s.Alias, segment.Alias, StringComparison.OrdinalIgnoreCase));
        Segments.Add(segment);
        DefinitionsVersion++;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteSegmentAsync(string alias, CancellationToken cancellationToken = default)
    {
        DefinitionsVersion++;
        return Task.FromResult(Segments.RemoveAll(s => string.Equals(s.Alias, alias, StringComparison.OrdinalIgnoreCase)) > 0);
    }

    public Task SaveExperienceAsync(ExperienceDefinition experience, CancellationToken cancellationToken = default)
    {
        Experiences.RemoveAll(e => string.Equals(e.Placement, experience.Placement, StringComparison.OrdinalIgnoreCase));
        Experiences.Add(experience);
        DefinitionsVersion++;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteExperienceAsync(string placement, CancellationToken cancellationToken = default)
    {
        DefinitionsVersion++;
        return Task.FromResult(Experiences.RemoveAll(e => string.Equals(e.Placement, placement, StringComparison.OrdinalIgnoreCase)) > 0);
    }
}
