using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Persistence.Ingestion;

/// <summary>
/// Updates a profile with one event; the seam between the ingestion worker and the profile logic in Core.
/// Called on the worker's thread with events of one visitor in timestamp order, each event once.
/// Must be pure in-memory work (no I/O) and must not keep the profile.
/// </summary>
public interface IProfileEventApplier
{
    /// <summary>Applies <paramref name="visitorEvent"/> to <paramref name="profile"/>.</summary>
    void Apply(VisitorProfile profile, VisitorEvent visitorEvent);
}
