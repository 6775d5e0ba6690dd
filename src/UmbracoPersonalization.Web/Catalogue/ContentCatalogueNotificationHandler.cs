using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Notifications;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Logging;

namespace UmbracoPersonalization.Web.Catalogue;

/// <summary>
/// Keeps the catalogue in sync with Umbraco: published content is upserted; unpublished, trashed and deleted content
/// removed. Only queues the change (cheap, never blocks the editor's request); <see cref="ContentCatalogueWorker"/>
/// writes in batches. Publishing with descendants publishes one notification per item in Umbraco, all handled alike
/// (batches go through <see cref="INotificationHandler{TNotification}"/>'s default <c>Handle(IEnumerable)</c>, one by one).
/// </summary>
internal sealed class ContentCatalogueNotificationHandler(
    ContentCatalogueQueue queue,
    ICatalogueItemFactory factory,
    IOptionsMonitor<PersonalizationSettings> settings,
    ILogger<ContentCatalogueNotificationHandler> logger) :
    INotificationHandler<ContentPublishedNotification>,
    INotificationHandler<ContentUnpublishedNotification>,
    INotificationHandler<ContentMovedToRecycleBinNotification>,
    INotificationHandler<ContentDeletedNotification>
{
    public void Handle(ContentPublishedNotification notification)
    {
        if (Enabled())
        {
            foreach (var content in notification.PublishedEntities)
            {
                Upsert(content);
            }
        }
    }

    public void Handle(ContentUnpublishedNotification notification) =>
        Remove(notification.UnpublishedEntities.Select(c => c.Key));

    public void Handle(ContentMovedToRecycleBinNotification notification) =>
        Remove(notification.MoveInfoCollection.Select(m => m.Entity.Key));

    public void Handle(ContentDeletedNotification notification) =>
        Remove(notification.DeletedEntities.Select(c => c.Key));

    private void Remove(IEnumerable<Guid> keys)
    {
        if (Enabled())
        {
            foreach (var key in keys)
            {
                Write(CatalogueChange.Remove(key));
            }
        }
    }

    private void Write(CatalogueChange change)
    {
        if (!queue.TryWrite(change))
        {
            Log.CatalogueChangeDropped(logger, queue.Dropped); // the catalogue misses it until a rebuild
        }
    }

    private bool Enabled() => settings.CurrentValue.Enabled && settings.CurrentValue.Catalogue.Enabled;

    private void Upsert(IContent content)
    {
        try
        {
            Write(factory.Create(content) is { } item ? CatalogueChange.Upsert(item) : CatalogueChange.Remove(content.Key));
        }
        catch (Exception ex)
        {
            Log.CatalogueUpdateFailed(logger, ex, 1); // never fail the editor's publish
        }
    }
}
