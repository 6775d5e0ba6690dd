namespace UmbracoPersonalization.Core.Experiments;

/// <summary>Where experiment assignments of consenting visitors are kept.</summary>
public interface IAssignmentStore
{
    /// <summary>Every assignment of one visitor.</summary>
    Task<IReadOnlyList<VisitorAssignment>> GetByVisitorAsync(string visitorId, CancellationToken cancellationToken = default);

    /// <summary>Stores an assignment unless one exists for that visitor and experiment (first assignment wins).</summary>
    Task SaveAsync(VisitorAssignment assignment, CancellationToken cancellationToken = default);

    /// <summary>Deletes every assignment of one visitor; returns how many.</summary>
    Task<int> DeleteByVisitorAsync(string visitorId, CancellationToken cancellationToken = default);
}
