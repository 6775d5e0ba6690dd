using Microsoft.Extensions.DependencyInjection;
using Umbraco.Cms.Core.Events;
using Umbraco.Cms.Core.Notifications;
using UmbracoPersonalization.Core.Catalogue;
using UmbracoPersonalization.Web.Catalogue;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Catalogue;

/// <summary>Umbraco's content notifications, published through its real event aggregator, keep the catalogue in sync.</summary>
public sealed class ContentCatalogueSyncTests
{
    [Fact]
    public async Task PublishThenUnpublish_AddsThenRemovesTheItem()
    {
        await using var site = await StartAsync();
        var events = Events(site);
        var store = site.GetRequiredService<IContentCatalogueStore>();
        var content = TestDocuments.Product("Gravel One", """["gravel"]""", "bikes", "<p>Fast</p>");

        await events.PublishAsync(new ContentPublishedNotification(content, new EventMessages()));
        var item = await Waiting.UntilAsync(() => store.GetAsync(content.Key), i => i is not null, "the published item is stored");

        Assert.Equal("Gravel One", item!.Name);
        Assert.Equal(["gravel"], item.Tags);

        await events.PublishAsync(new ContentUnpublishedNotification(content, new EventMessages()));
        Assert.Null(await Waiting.UntilAsync(() => store.GetAsync(content.Key), i => i is null, "the unpublished item is removed"));
    }

    [Fact]
    public async Task MovedToRecycleBinAndDeleted_RemoveItems_RepublishReplaces()
    {
        await using var site = await StartAsync();
        var events = Events(site);
        var store = site.GetRequiredService<IContentCatalogueStore>();
        var type = TestDocuments.ProductType();
        var trashed = TestDocuments.Product("Old tent", "", "camping", "", type);
        var deleted = TestDocuments.Product("Old shoe", "", "running", "", type);
        var renamed = TestDocuments.Product("Draft name", "", "bikes", "", type);

        await events.PublishAsync(new ContentPublishedNotification([trashed, deleted, renamed], new EventMessages()));
        await Waiting.UntilAsync(() => store.GetKeysAsync(), k => k.Count == 3, "three items are stored");
        renamed.Name = "Final name";
        renamed.PublishName = "Final name";
        await events.PublishAsync(new ContentPublishedNotification(renamed, new EventMessages()));
        await events.PublishAsync(new ContentMovedToRecycleBinNotification(new MoveToRecycleBinEventInfo<Umbraco.Cms.Core.Models.IContent>(trashed, "-1"), new EventMessages()));
        await events.PublishAsync(new ContentDeletedNotification(deleted, new EventMessages()));

        var keys = await Waiting.UntilAsync(() => store.GetKeysAsync(), k => k.Count == 1, "one item is left");
        Assert.Equal([renamed.Key], keys);
        Assert.Equal("Final name", (await Waiting.UntilAsync(() => store.GetAsync(renamed.Key), i => i?.Name == "Final name", "the last rename is stored"))!.Name);
    }

    [Fact]
    public async Task CatalogueDisabled_NotificationsAreIgnored()
    {
        await using var site = await StartAsync(new Dictionary<string, string?>
        {
            ["Umbraco:Personalization:Catalogue:Enabled"] = "false",
        });
        var content = TestDocuments.Product("Gravel One", "", "", "");

        var worker = site.GetRequiredService<ContentCatalogueWorker>();
        var queue = site.GetRequiredService<ContentCatalogueQueue>();

        await Events(site).PublishAsync(new ContentPublishedNotification(content, new EventMessages()));

        // A marker queued after the notification: the worker reads in order, so once the marker's batch is written,
        // anything the notification had queued has been written too (no waiting for a while and hoping).
        Assert.True(queue.TryWrite(CatalogueChange.Remove(Guid.NewGuid())));
        await Waiting.UntilAsync(() => Task.FromResult(worker.Batches), batches => batches >= 1, "the marker's batch is written");

        Assert.Equal(1, worker.Batches);
        Assert.Null(await site.GetRequiredService<IContentCatalogueStore>().GetAsync(content.Key));
    }

    private static Task<TestSite.TestSite> StartAsync(Dictionary<string, string?>? settings = null) => TestSite.TestSite.StartAsync(settings);

    /// <summary>
    /// Publishes a notification to the handlers the package registered for it in the composed site, as Umbraco's
    /// event aggregator does. (The aggregator itself is not used here: Umbraco.Cms.Core also registers its own webhook
    /// handlers for content notifications, and those need Umbraco.Infrastructure, which cannot be installed here.)
    /// </summary>
    private static Publisher Events(TestSite.TestSite site) => new(site);

    private sealed class Publisher(TestSite.TestSite site)
    {
        public Task PublishAsync<T>(T notification)
            where T : INotification
        {
            var handlers = site.Services.GetRequiredService<TestSite.RegisteredServices>().Descriptors
                .Where(d => d.ServiceType == typeof(INotificationHandler<T>) && d.ImplementationType?.Assembly == typeof(ContentCatalogueWorker).Assembly)
                .Select(d => (INotificationHandler<T>)ActivatorUtilities.CreateInstance(site.Services, d.ImplementationType!))
                .ToList();
            Assert.Single(handlers);
            handlers[0].Handle(notification);
            return Task.CompletedTask;
        }
    }
}
