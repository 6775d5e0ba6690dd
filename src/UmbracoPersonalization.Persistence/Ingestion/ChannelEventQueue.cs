using System.Threading.Channels;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Persistence.Data;

namespace UmbracoPersonalization.Persistence.Ingestion;

/// <summary>
/// <see cref="IEventQueue"/> over a bounded channel read by <see cref="EventIngestionWorker"/>.
/// <see cref="TryEnqueue"/> never blocks and never does I/O: when the channel is full or closed, or the event
/// cannot be stored (no visitor id, or one longer than the key column), it is dropped and counted.
/// </summary>
public sealed class ChannelEventQueue : IEventQueue
{
    private readonly Channel<VisitorEvent> _channel;
    private readonly PersistenceMetrics _metrics;
    private volatile bool _closed;

    /// <summary>Creates the queue with <see cref="PersistenceOptions.QueueCapacity"/> slots.</summary>
    public ChannelEventQueue(IOptions<PersistenceOptions> options, PersistenceMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        Capacity = options.Value.QueueCapacity;
        _channel = Channel.CreateBounded<VisitorEvent>(new BoundedChannelOptions(Capacity)
        {
            // Wait (not Drop*): TryWrite then returns false when full, which is how a drop is noticed.
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    /// <summary>The most events the queue holds.</summary>
    public int Capacity { get; }

    /// <summary>Events waiting now.</summary>
    public int Count => _channel.Reader.Count;

    internal ChannelReader<VisitorEvent> Reader => _channel.Reader;

    /// <inheritdoc />
    public bool TryEnqueue(VisitorEvent visitorEvent)
    {
        if (visitorEvent is null
            || string.IsNullOrEmpty(visitorEvent.VisitorId)
            || visitorEvent.VisitorId.Length > PersonalizationDbContext.KeyMaxLength)
        {
            _metrics.Dropped("invalid");
            return false;
        }

        if (_channel.Writer.TryWrite(visitorEvent))
        {
            _metrics.Enqueued();
            return true;
        }

        _metrics.Dropped(_channel.Reader.Completion.IsCompleted || _closed ? "closed" : "full");
        return false;
    }

    /// <summary>Closes the queue: later events are dropped; the worker drains what is queued.</summary>
    internal void Complete()
    {
        _closed = true;
        _channel.Writer.TryComplete();
    }
}
