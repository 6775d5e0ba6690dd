using Microsoft.Extensions.Options;
using UmbracoPersonalization.Web.Catalogue;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Tests.Catalogue;

public sealed class ContentCatalogueQueueTests
{
    [Fact]
    public void AFullQueue_RefusesTheChange_AndCountsIt()
    {
        var settings = new PersonalizationSettings();
        settings.Catalogue.QueueCapacity = 2;
        var queue = new ContentCatalogueQueue(Options.Create(settings));

        var written = Enumerable.Range(0, 3).Select(_ => queue.TryWrite(CatalogueChange.Remove(Guid.NewGuid()))).ToList();

        Assert.Equal([true, true, false], written);
        Assert.Equal(1, queue.Dropped);
        Assert.True(queue.Reader.TryRead(out _)); // what was accepted is still there to write
    }
}
