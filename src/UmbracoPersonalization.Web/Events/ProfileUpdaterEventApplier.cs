using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Ingestion;

namespace UmbracoPersonalization.Web.Events;

/// <summary>
/// Connects the persistence worker to the core's profile logic: each ingested event updates the visitor's
/// profile (counters, interests, stage) and re-evaluates segment membership.
/// </summary>
internal sealed class ProfileUpdaterEventApplier(ProfileUpdater updater) : IProfileEventApplier
{
    public void Apply(VisitorProfile profile, VisitorEvent visitorEvent) => updater.Apply(profile, visitorEvent);
}
