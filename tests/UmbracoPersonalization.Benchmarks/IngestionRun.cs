using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Ingestion;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>
/// <c>--ingest</c>: sustained event ingestion into SQLite through the real queue and worker. A producer keeps the queue
/// full (retrying when it is full) for a fixed time; then the worker is stopped (it drains the queue) and the rows are
/// counted. Events/s = rows written / time from the first measured event to the end of the drain. Before that, a warm-up
/// runs the same producer into the same database for <c>--warmup N</c> seconds and waits until the worker has written
/// everything it accepted: "sustained" means the steady state, not the first seconds, in which the JIT's tiering
/// (compiling, then running instrumented code until it recompiles it) took up to a third of a cold run's CPU.
/// Also prints the process's CPU time per event over the same span (producer included): on a shared machine it moves
/// less with other load than events/s, and CPU per event is what the ingestion worker takes from web requests.
/// Options: <c>--seconds N</c> (10), <c>--warmup N</c> (5 seconds; 0 measures from a cold start), <c>--visitors N</c>
/// (2,000 distinct visitors), <c>--no-profiles</c> (store events only, no profile updates), <c>--batch N</c> (the
/// worker's batch size, 500), <c>--max-batch N</c> (the most events in one batch, 8,000), <c>--prefill N</c> (instead of
/// the producer, queue N events before the worker starts and time the worker draining them alone), <c>--random-ids</c>
/// (version 4 event ids, as runs before this option used; by default ids are version 7, as the web package creates them).
/// </summary>
internal static class IngestionRun
{
    /// <summary>Runs one ingestion measurement.</summary>
    /// <param name="args">The options.</param>
    /// <returns>The exit code: 0 when every accepted event was written.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 10);
        var warmup = Option(args, "--warmup", 5);
        var visitors = Option(args, "--visitors", 2000);
        var batch = Option(args, "--batch", 500);
        var maxBatch = Option(args, "--max-batch", 0);
        var profiles = !args.Contains("--no-profiles");
        var prefill = Option(args, "--prefill", 0);
        var randomIds = args.Contains("--random-ids");
        var folder = Path.Combine(Path.GetTempPath(), "up-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var services = new ServiceCollection()
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
                .AddPersonalizationPersistence(o =>
                {
                    o.DataDirectory = folder;
                    o.BatchSize = batch;
                    o.MaxBatchSize = maxBatch > 0 ? maxBatch : o.MaxBatchSize;
                    o.QueueCapacity = Math.Max(o.QueueCapacity, prefill);
                });
            if (profiles)
            {
                services.AddSingleton<IProfileEventApplier>(new UpdaterApplier());
            }

            await using var provider = services.BuildServiceProvider();
            var hosted = provider.GetServices<IHostedService>().ToList();
            foreach (var service in hosted)
            {
                if (service is IHostedLifecycleService lifecycle)
                {
                    await lifecycle.StartingAsync(CancellationToken.None);
                }

                if (prefill == 0)
                {
                    await service.StartAsync(CancellationToken.None);
                }
            }

            var queue = provider.GetRequiredService<IEventQueue>();
            var ids = Enumerable.Range(0, visitors).Select(i => $"visitor-{i:000000}").ToArray();
            var now = DateTimeOffset.UtcNow;
            long accepted = 0, full = 0, warmedUp = 0;

            // Keeps the queue full for the given time; returns how often it was full.
            async Task<long> ProduceAsync(TimeSpan duration)
            {
                long fullQueue = 0;
                var producing = Stopwatch.StartNew();
                while (producing.Elapsed < duration)
                {
                    if (queue.TryEnqueue(PageView(ids[accepted % ids.Length], now.AddTicks(accepted), randomIds)))
                    {
                        accepted++;
                    }
                    else
                    {
                        // Full: back off so the producer does not steal the worker's core, then retry.
                        fullQueue++;
                        await Task.Delay(1);
                    }
                }

                return fullQueue;
            }

            if (warmup > 0 && prefill == 0)
            {
                using var written = new WrittenEvents(provider.GetRequiredService<PersistenceMetrics>());
                await ProduceAsync(TimeSpan.FromSeconds(warmup));
                await written.WhenReachesAsync(accepted).WaitAsync(TimeSpan.FromMinutes(2));
                warmedUp = accepted;
            }

            while (accepted < prefill && queue.TryEnqueue(PageView(ids[accepted % ids.Length], now.AddTicks(accepted), randomIds)))
            {
                accepted++;
            }

            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var pauseBefore = GC.GetTotalPauseDuration();
            var gen0Before = GC.CollectionCount(0);
            var gen2Before = GC.CollectionCount(2);
            var clock = Stopwatch.StartNew();
            if (prefill > 0)
            {
                // The worker alone drains a queue filled beforehand: no producer competing for the 2 cores.
                foreach (var service in hosted)
                {
                    await service.StartAsync(CancellationToken.None);
                }
            }

            if (prefill == 0)
            {
                full = await ProduceAsync(TimeSpan.FromSeconds(seconds));
            }

            var produced = clock.Elapsed;
            for (var i = hosted.Count - 1; i >= 0; i--)
            {
                await hosted[i].StopAsync(CancellationToken.None);
            }

            var total = clock.Elapsed;
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
            var pause = GC.GetTotalPauseDuration() - pauseBefore;
            var collections = (Gen0: GC.CollectionCount(0) - gen0Before, Gen2: GC.CollectionCount(2) - gen2Before);
            var factory = provider.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var rows = await db.Events.LongCountAsync() - warmedUp;
            var profileRows = await db.Profiles.LongCountAsync();
            var profileBody = profileRows == 0 ? 0 : await db.Profiles.AverageAsync(p => p.Body.Length);
            var rate = rows / total.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ingest: {(profiles ? "events + profile updates" : "events only")}, {visitors:#,0} visitors, batch {batch}, {(randomIds ? "random" : "time-ordered")} ids: " +
                $"{(warmedUp > 0 ? $"after a {warmup} s warm-up ({warmedUp:#,0} events written), " : "from a cold start, ")}{accepted - warmedUp:#,0} accepted in {produced.TotalSeconds:0.0} s ({full:#,0} full-queue retries), {rows:#,0} event rows and " +
                $"{profileRows:#,0} profiles ({profileBody:#,0} characters of JSON on average) after the drain at {total.TotalSeconds:0.0} s => {rate:#,0} events/s; lost: {accepted - warmedUp - rows:#,0}; " +
                $"process CPU {cpu.TotalSeconds:0.0} s = {cpu.TotalMicroseconds / Math.Max(1, rows):0.0} µs per event; " +
                $"allocated {allocated / (double)Math.Max(1, rows) / 1024:0.0} KB per event, GC pauses {pause.TotalSeconds:0.00} s " +
                $"({collections.Gen0:#,0} gen0, {collections.Gen2:#,0} gen2 collections)"));
            return rows == accepted - warmedUp ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Time-ordered ids by default, as the middleware and block selector create them: random ones land all over the
    // event key index, so each batch rewrites many more of its pages.
    private static VisitorEvent PageView(string visitorId, DateTimeOffset timestamp, bool randomIds) => new()
    {
        Id = randomIds ? Guid.NewGuid() : Guid.CreateVersion7(timestamp),
        VisitorId = visitorId,
        Type = VisitorEventType.PageView,
        Timestamp = timestamp,
        Url = "/blog/spring",
        Device = DeviceClass.Desktop,
        Country = "NL",
        Categories = ["category-1", "category-2"],
        Tags = ["spring"],
    };

    /// <summary>Counts the worker's <c>events.written</c> as it reports them, so the warm-up ends without polling.</summary>
    private sealed class WrittenEvents : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly Lock _gate = new();
        private long _written;
        private long _target = long.MaxValue;
        private TaskCompletionSource? _reached;

        public WrittenEvents(PersistenceMetrics metrics)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter == metrics.Meter && instrument.Name == "events.written")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Add(value));
            _listener.Start();
        }

        public Task WhenReachesAsync(long target)
        {
            lock (_gate)
            {
                _target = target;
                _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_written >= target)
                {
                    _reached.TrySetResult();
                }

                return _reached.Task;
            }
        }

        public void Dispose() => _listener.Dispose();

        private void Add(long value)
        {
            lock (_gate)
            {
                _written += value;
                if (_written >= _target)
                {
                    _reached?.TrySetResult();
                }
            }
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>Core's profile logic (100 segments re-evaluated per event), as the web package wires it.</summary>
    private sealed class UpdaterApplier : IProfileEventApplier
    {
        private readonly ProfileUpdater _updater;

        public UpdaterApplier()
        {
            var holder = new DefinitionSnapshotHolder();
            holder.Update(BenchmarkData.Definitions());
            _updater = new ProfileUpdater(new ProfileBuilder(new ProfileOptions()), holder, [], NullLogger<ProfileUpdater>.Instance);
        }

        public void Apply(VisitorProfile profile, VisitorEvent visitorEvent) => _updater.Apply(profile, visitorEvent);
    }
}
