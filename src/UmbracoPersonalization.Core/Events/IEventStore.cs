namespace UmbracoPersonalization.Core.Events;

/// <summary>Where events of consenting visitors are kept.</summary>
public interface IEventStore
{
    /// <summary>Appends a batch; an event whose id is already stored is skipped (idempotent).</summary>
    Task AppendAsync(IReadOnlyCollection<VisitorEvent> events, CancellationToken cancellationToken = default);

    /// <summary>The events of one visitor, oldest first.</summary>
    Task<IReadOnlyList<VisitorEvent>> GetByVisitorAsync(string visitorId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every event of one visitor; returns how many.</summary>
    Task<int> DeleteByVisitorAsync(string visitorId, CancellationToken cancellationToken = default);
}
