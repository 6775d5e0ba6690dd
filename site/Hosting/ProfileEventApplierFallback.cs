using Microsoft.Extensions.DependencyInjection.Extensions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Ingestion;

namespace UmbracoPersonalization.Site.Hosting;

/// <summary>
/// Stopgap: connects the ingestion worker to Core's <see cref="ProfileUpdater"/> while the package does not register an
/// <see cref="IProfileEventApplier"/> itself (without one, events are stored but profiles never change). Added with
/// <c>TryAdd</c> after the composers, so it does nothing once the package registers its own; delete it then.
/// </summary>
internal sealed class ProfileEventApplierFallback(ProfileUpdater updater) : IProfileEventApplier
{
    public void Apply(VisitorProfile profile, VisitorEvent visitorEvent) => updater.Apply(profile, visitorEvent);

    /// <summary>Registers the fallback unless an applier is registered already.</summary>
    public static void TryRegister(IServiceCollection services) =>
        services.TryAddSingleton<IProfileEventApplier, ProfileEventApplierFallback>();
}
