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

    // The worker's pending "tell me when this many are queued": at most one at a time (the channel has one reader).
    private TaskCompletionSource? _countWaiter;
    private int _countWanted = int.MaxValue;

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
            if (Volatile.Read(ref _countWaiter) is { } waiter && _channel.Reader.Count >= Volatile.Read(ref _countWanted))
            {
                waiter.TrySetResult();
            }

            return true;
        }

        _metrics.Dropped(_channel.Reader.Completion.IsCompleted || _closed ? "closed" : "full");
        return false;
    }

    /// <summary>
    /// A task that completes once at least <paramref name="count"/> events are queued (at once if they already are), so
    /// the single reader can wait for a full batch without polling. A later call replaces the earlier wait.
    /// </summary>
    internal Task WhenCountReaches(int count)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _countWanted, count);

        // A full fence (here and in Complete): either Complete sees this waiter, or this sees the queue closed.
        Interlocked.Exchange(ref _countWaiter, waiter);

        // An event written between the reader's last look and the store above saw no waiter: look again.
        if (_closed || _channel.Reader.Count >= count)
        {
            waiter.TrySetResult();
        }

        return waiter.Task;
    }

    /// <summary>Withdraws the wait of <see cref="WhenCountReaches"/> so writers stop checking the count.</summary>
    internal void StopWaitingForCount()
    {
        Volatile.Write(ref _countWaiter, null);
        Volatile.Write(ref _countWanted, int.MaxValue);
    }

    /// <summary>Whether <see cref="Complete"/> was called: no more events will come.</summary>
    internal bool IsClosed => _closed;

    /// <summary>
    /// Closes the queue: later events are dropped; the worker drains what is queued. A pending
    /// <see cref="WhenCountReaches"/> completes, so a stop never waits for a batch to fill or for its delay.
    /// </summary>
    internal void Complete()
    {
        _closed = true;
        _channel.Writer.TryComplete();
        Interlocked.Exchange(ref _countWaiter, null)?.TrySetResult();
    }
}
