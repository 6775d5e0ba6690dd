using Microsoft.Extensions.Options;
using UmbracoPersonalization.Persistence.Ingestion;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Ingestion;

public sealed class ChannelEventQueueTests
{
    [Fact]
    public void TryEnqueue_WhenFull_DropsAndCountsWithoutBlocking()
    {
        using var metrics = new PersistenceMetrics();
        using var recorder = new MetricRecorder(metrics.Meter);
        var queue = new ChannelEventQueue(Options.Create(new PersistenceOptions { QueueCapacity = 3 }), metrics);

        var results = Enumerable.Range(0, 5).Select(i => queue.TryEnqueue(TestEvents.PageView("v1", i))).ToList();

        Assert.Equal([true, true, true, false, false], results);
        Assert.Equal(3, queue.Count);
        Assert.Equal(3, recorder["events.enqueued"]);
        Assert.Equal(2, recorder["events.dropped"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-visitor-id-longer-than-the-key-column-allows-a-visitor-id-longer-than-the-key-column-allows-a-visitor-id-longer-than-the-key-column")]
    public void TryEnqueue_WithUnstorableVisitorId_DropsAndCounts(string visitorId)
    {
        using var metrics = new PersistenceMetrics();
        using var recorder = new MetricRecorder(metrics.Meter);
        var queue = new ChannelEventQueue(Options.Create(new PersistenceOptions()), metrics);

        Assert.False(queue.TryEnqueue(TestEvents.PageView(visitorId)));
        Assert.Equal(1, recorder["events.dropped"]);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void TryEnqueue_AfterComplete_DropsAndCounts()
    {
        using var metrics = new PersistenceMetrics();
        using var recorder = new MetricRecorder(metrics.Meter);
        var queue = new ChannelEventQueue(Options.Create(new PersistenceOptions()), metrics);

        queue.Complete();

        Assert.False(queue.TryEnqueue(TestEvents.PageView("v1")));
        Assert.Equal(1, recorder["events.dropped"]);
    }
}
