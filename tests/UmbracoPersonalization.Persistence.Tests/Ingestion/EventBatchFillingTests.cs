using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Persistence.Ingestion;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;
using UmbracoPersonalization.Persistence.Tests.Stores;

namespace UmbracoPersonalization.Persistence.Tests.Ingestion;

/// <summary>
/// A batch that is not full collects what trickles in until <see cref="PersistenceOptions.MaxBatchDelay"/> (on the
/// worker's clock), and a stop never waits for that delay. The clock here only moves when the test moves it.
/// </summary>
public sealed class EventBatchFillingTests
{
    private static readonly DateTimeOffset Start = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Task<ServiceProvider> ServicesAsync(TestDatabase database, FakeTimeProvider time, int maxBatchSize = 2_000) =>
        database.MigratedServicesAsync(
            o =>
            {
                o.BatchSize = 100;
                o.MaxBatchSize = maxBatchSize;
                o.MaxBatchDelay = TimeSpan.FromMilliseconds(250);
            },
            s => s.AddSingleton<TimeProvider>(time));

    [Fact]
    public async Task EventsArrivingWithinTheBatchDelay_AreWrittenAsOneBatch()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var time = new FakeTimeProvider(Start);
        var services = await ServicesAsync(database, time);
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        await worker.StartAsync(CancellationToken.None);

        for (var i = 0; i < 15; i++)
        {
            Assert.True(queue.TryEnqueue(TestEvents.PageView($"v{i % 3}", i)));
            if (i % 3 == 2)
            {
                time.Advance(TimeSpan.FromMilliseconds(10)); // 50 ms in all: well within the delay
            }
        }

        Assert.Equal(0, worker.BatchesFlushed);
        await Eventually.UntilAsync(
            async () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(50));
                return await EfEventStoreTests.CountRowsAsync(services) == 15;
            },
            "the batch is written once its delay has passed");

        Assert.Equal(1, worker.BatchesFlushed);
    }

    [Fact]
    public async Task ABatchThatFills_IsWrittenWithoutWaitingForTheDelay()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var time = new FakeTimeProvider(Start); // never advanced: only a full batch can end the wait
        var services = await ServicesAsync(database, time);
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        await worker.StartAsync(CancellationToken.None);

        Assert.True(queue.TryEnqueue(TestEvents.PageView("v0", 0)));
        await QueueIsTakenAsync(queue, "the worker holds a partial batch");
        for (var i = 1; i < 130; i++)
        {
            Assert.True(queue.TryEnqueue(TestEvents.PageView($"v{i % 7}", i)));
        }

        // The other 30 wait, as a partial batch does: the helper reads the rows again after the batch.
        await OneBatchIsWrittenAsync(services, worker, 100, "the first 100 events (one full batch) are written on a clock that never moves");

        await Eventually.UntilAsync(
            async () =>
            {
                time.Advance(TimeSpan.FromMilliseconds(50));
                return await EfEventStoreTests.CountRowsAsync(services) == 130;
            },
            "the partial batch is written once its delay has passed");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)] // below the 99 the batch waits for, so they are still in the channel when the stop closes it
    public async Task Stop_WritesThePartialBatchAndWhatIsStillQueued_WithoutWaitingForTheDelay(int queuedAfter)
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var time = new FakeTimeProvider(Start); // never advanced: only the stop can end the batch
        var services = await ServicesAsync(database, time);
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        await worker.StartAsync(CancellationToken.None);
        Assert.True(queue.TryEnqueue(TestEvents.PageView("v0", 0)));
        await QueueIsTakenAsync(queue, "the worker holds a partial batch");
        for (var i = 1; i <= queuedAfter; i++)
        {
            Assert.True(queue.TryEnqueue(TestEvents.PageView($"v{i % 3}", i)));
        }

        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1 + queuedAfter, await EfEventStoreTests.CountRowsAsync(services));
        Assert.Equal(1, worker.BatchesFlushed);
    }

    [Fact]
    public async Task ABatchOfOneEventPerVisitor_KeepsFillingPastBatchSize_UntilFourPerVisitor()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var time = new FakeTimeProvider(Start); // never advanced: only a full batch can end the wait
        var services = await ServicesAsync(database, time, maxBatchSize: 300);
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();

        // 150 events from 70 visitors: past BatchSize (100), but about two events per visitor, so the batch stays open.
        // Queued before the worker starts, so it takes all of them at once: a worker already running could wake at the
        // 100th event, and then wait for 180 more while the last 50 sit in the queue.
        for (var i = 0; i < 150; i++)
        {
            Assert.True(queue.TryEnqueue(TestEvents.PageView($"v{i % 70}", i)));
        }

        await worker.StartAsync(CancellationToken.None);
        await QueueIsTakenAsync(queue, "the worker holds all 150 events");
        Assert.Equal(0, worker.BatchesFlushed);
        Assert.Equal(0, await EfEventStoreTests.CountRowsAsync(services));

        for (var i = 150; i < 400; i++)
        {
            Assert.True(queue.TryEnqueue(TestEvents.PageView($"v{i % 70}", i)));
        }

        // The other 120 wait, as a partial batch does: the helper reads the rows again after the batch.
        await OneBatchIsWrittenAsync(services, worker, 280, "one batch of four events per visitor (280) is written on a clock that never moves");
    }

    [Theory]
    [InlineData(150, 150, 300)] // 100 visitors by the 100th event: four each would take 400 events, more than MaxBatchSize
    [InlineData(160, 25, 10_000)] // 25 visitors, four events each by the 100th event: the profile writes are shared enough
    public async Task ABatch_ClosesAtBatchSize_WhenItsVisitorsAverageFourEventsOrCouldNotWithinMaxBatchSize(int events, int visitors, int maxBatchSize)
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var time = new FakeTimeProvider(Start);
        var services = await ServicesAsync(database, time, maxBatchSize);
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        await worker.StartAsync(CancellationToken.None);

        for (var i = 0; i < events; i++)
        {
            Assert.True(queue.TryEnqueue(TestEvents.PageView($"v{i % visitors}", i)));
        }

        await OneBatchIsWrittenAsync(services, worker, 100, "the first 100 events are written as one batch");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WithTheDefaults_ABacklogFrom2000Visitors_IsWrittenFourEventsPerVisitorInOneBatch(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Start); // never advanced: only a full batch is written
        var services = await database.MigratedServicesAsync(services: s => s.AddSingleton<TimeProvider>(time));
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        for (var i = 0; i < 8_100; i++)
        {
            Assert.True(queue.TryEnqueue(TestEvents.PageView($"v{i % 2_000}", i)));
        }

        await worker.StartAsync(CancellationToken.None);

        // 2,000 visitors are more than a batch of BatchSize (500) can average four events for, and at most a quarter of
        // MaxBatchSize: the batch grows to 8,000 so each profile row written serves four events; the last 100 wait.
        await OneBatchIsWrittenAsync(services, worker, 8_000, "one batch of 8,000 events (four per visitor) is written on a clock that never moves");
    }

    /// <summary>Waits until the worker has taken every queued event (into the batch it is filling).</summary>
    private static Task QueueIsTakenAsync(IEventQueue queue, string what) =>
        Eventually.UntilAsync(() => Task.FromResult(queue is ChannelEventQueue { Count: 0 }), what);

    /// <summary>Waits until exactly one batch of <paramref name="rows"/> events is written, then reads the rows once more.</summary>
    private static async Task OneBatchIsWrittenAsync(ServiceProvider services, EventIngestionWorker worker, int rows, string what)
    {
        await Eventually.UntilAsync(async () => worker.BatchesFlushed == 1 && await EfEventStoreTests.CountRowsAsync(services) == rows, what);
        Assert.Equal(rows, await EfEventStoreTests.CountRowsAsync(services));
    }
}
