using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Persistence.Ingestion;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Ingestion;

/// <summary>How a batch is split per visitor before its events are applied to profiles.</summary>
public sealed class EventsByVisitorTests
{
    [Fact]
    public void EachVisitorsEvents_AreInTimeOrder_AndEventsOfTheSameInstantKeepTheirBatchOrder()
    {
        var late = TestEvents.PageView("a", 5, url: "/late");
        var sameFirst = TestEvents.PageView("a", 2, url: "/same-1");
        var early = TestEvents.PageView("a", 1, url: "/early");
        var sameSecond = TestEvents.PageView("a", 2, url: "/same-2");
        var other = TestEvents.PageView("b", 0, url: "/b");

        var byVisitor = EventIngestionWorker.ByVisitor([late, sameFirst, other, early, sameSecond], inserted: null);

        Assert.Equal(["/early", "/same-1", "/same-2", "/late"], byVisitor["a"].Select(e => e.Url));
        Assert.Equal(["/b"], byVisitor["b"].Select(e => e.Url));
        Assert.Equal(2, byVisitor.Count);
    }

    [Fact]
    public void WithTheInsertedIds_OnlyNewEventsCount_EachIdOnce()
    {
        var id = Guid.NewGuid();
        var first = TestEvents.PageView("a", 1, id, "/first");
        var replay = TestEvents.PageView("a", 3, id, "/replay-of-the-same-id");
        var known = TestEvents.PageView("a", 2, url: "/already-stored");
        var fresh = TestEvents.PageView("c", 4, url: "/c");

        var byVisitor = EventIngestionWorker.ByVisitor([first, known, replay, fresh], inserted: [id, fresh.Id]);

        Assert.Equal(["/first"], byVisitor["a"].Select(e => e.Url));
        Assert.Equal(["/c"], byVisitor["c"].Select(e => e.Url));
        Assert.Equal(2, byVisitor.Count);
    }
}
