namespace UmbracoPersonalization.Core.Events;

/// <summary>
/// The hand-off from a request to the background worker that updates profiles and writes events in batches.
/// Enqueueing never blocks and never does I/O: when the queue is full the event is dropped and counted.
/// </summary>
public interface IEventQueue
{
    /// <summary>Queues an event of a consenting visitor; returns <c>false</c> when it was dropped (queue full or closed).</summary>
    bool TryEnqueue(VisitorEvent visitorEvent);
}
