using System.Threading.Channels;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Catalogue;

/// <summary>
/// A bounded in-memory queue between Umbraco's content notifications (on the editor's request) and the
/// <see cref="ContentCatalogueWorker"/>: writing never blocks; when full the change is dropped (a rebuild repairs).
/// </summary>
internal sealed class ContentCatalogueQueue
{
    private readonly Channel<CatalogueChange> _channel;

    public ContentCatalogueQueue(IOptions<PersonalizationSettings> settings)
    {
        // Wait mode, written with TryWrite only: a full queue answers false (counted and logged), where DropWrite would
        // drop the change and still answer true, so no drop was ever seen.
        _channel = Channel.CreateBounded<CatalogueChange>(new BoundedChannelOptions(settings.Value.Catalogue.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public ChannelReader<CatalogueChange> Reader => _channel.Reader;

    public long Dropped => Interlocked.Read(ref _dropped);

    private long _dropped;

    public bool TryWrite(CatalogueChange change)
    {
        if (_channel.Writer.TryWrite(change))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        return false;
    }

    public void Complete() => _channel.Writer.TryComplete();
}
