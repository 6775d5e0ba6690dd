using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Stores;

namespace UmbracoPersonalization.Persistence.Ingestion;

/// <summary>
/// Reads <see cref="ChannelEventQueue"/> in batches (<see cref="PersistenceOptions.BatchSize"/> events, up to
/// <see cref="PersistenceOptions.MaxBatchSize"/> while they come from many visitors, or what arrived within
/// <see cref="PersistenceOptions.MaxBatchDelay"/>) and writes each batch's events and the
/// profile updates they cause in one transaction: the profiles are loaded in one query, every newly stored event is
/// applied through <see cref="IProfileEventApplier"/>, and they are saved optimistically (visitors that lost a race
/// are reloaded and reapplied after the commit, bounded). If that transaction fails, the batch is written in two
/// steps (events, then profiles), each retried. Failures are logged, counted and retried with back-off a bounded number of times; nothing
/// is thrown out of the worker. Stopping closes the queue and drains it before returning.
/// </summary>
/// <remarks>
/// A plain <see cref="IHostedService"/> rather than a <c>BackgroundService</c>: since .NET 10 the latter starts
/// <c>ExecuteAsync</c> through <c>Task.Run</c> with the stopping token, so a stop right after start cancels the loop
/// before it runs, and whatever was queued would never be written.
/// </remarks>
public sealed partial class EventIngestionWorker : IHostedService, IDisposable
{
    // A batch closes at BatchSize once its events average this many per visitor: each visitor in a batch costs one
    // profile row rewrite (with hundreds of visitors, a batch of 500 rewrote a profile for almost every event).
    private const int EventsPerVisitorToClose = 4;

    private readonly ChannelEventQueue _queue;
    private readonly IEventStore _events;
    private readonly IProfileStore _profiles;
    private readonly IProfileEventApplier? _applier;
    private readonly IProfileSaveListener[] _saveListeners;
    private readonly RecentErasures? _erasures;
    private readonly VisitorDataMinimizer? _minimizer;
    private readonly PersistenceOptions _options;
    private readonly PersistenceMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<EventIngestionWorker> _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly HashSet<string> _batchVisitors = new(StringComparer.Ordinal); // the visitors of the batch being filled
    private readonly int _maxBatchSize;
    private long _batchesFlushed;
    private Task? _executeTask;

    /// <summary>
    /// Creates the worker. Without an <see cref="IProfileEventApplier"/> events are stored but profiles are not updated.
    /// With <paramref name="erasures"/>, events still queued for a visitor erased a moment ago are dropped; with
    /// <paramref name="minimizer"/>, events and profiles are minimised (<see cref="PrivacyOptions"/>) before they are stored.
    /// </summary>
    public EventIngestionWorker(
        ChannelEventQueue queue,
        IEventStore events,
        IProfileStore profiles,
        IOptions<PersistenceOptions> options,
        PersistenceMetrics metrics,
        TimeProvider time,
        ILogger<EventIngestionWorker> logger,
        IProfileEventApplier? applier = null,
        RecentErasures? erasures = null,
        VisitorDataMinimizer? minimizer = null,
        IEnumerable<IProfileSaveListener>? saveListeners = null)
    {
        _saveListeners = saveListeners?.ToArray() ?? [];
        ArgumentNullException.ThrowIfNull(options);
        _queue = queue ?? throw new ArgumentNullException(nameof(queue));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        _options = options.Value;
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _applier = applier;
        _erasures = erasures;
        _minimizer = minimizer;
        _maxBatchSize = Math.Max(_options.BatchSize, _options.MaxBatchSize);
    }

    /// <summary>Batches handled so far (written, or given up after the bounded retries).</summary>
    public long BatchesFlushed => Interlocked.Read(ref _batchesFlushed);

    /// <summary>The reading loop, once started; it completes (never faults) when the queue is drained.</summary>
    public Task? ExecuteTask => _executeTask;

    /// <summary>Starts the reading loop on the thread pool and returns at once.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _executeTask ??= Task.Run(RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Closes the queue and waits until every queued event is handled. When <paramref name="cancellationToken"/>
    /// fires first (the host's shutdown timeout), what is still queued is abandoned and logged.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Complete();
        if (_executeTask is null)
        {
            return;
        }

        using var registration = cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), _abort);
        await _executeTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _abort.Dispose();

    private async Task RunAsync()
    {
        // StopAsync closes the queue, and the loop below ends once the queue is empty, so nothing queued is lost.
        // _abort ends it early when the host's shutdown timeout fires.
        var abort = _abort.Token;
        if (_applier is null)
        {
            LogNoApplier(_logger);
        }

        var reader = _queue.Reader;
        var batch = new List<VisitorEvent>(_maxBatchSize);
        try
        {
            while (await reader.WaitToReadAsync(abort).ConfigureAwait(false))
            {
                await FillBatchAsync(reader, batch, abort).ConfigureAwait(false);
                await FlushAsync(batch, abort).ConfigureAwait(false);
                batch.Clear();
                _batchVisitors.Clear();
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            LogAbandoned(_logger, batch.Count + reader.Count);
        }
        catch (Exception ex)
        {
            // Defensive: FlushAsync handles its own failures; a bug here must not crash the host.
            LogWorkerFailed(_logger, ex);
        }
    }

    private async Task FillBatchAsync(ChannelReader<VisitorEvent> reader, List<VisitorEvent> batch, CancellationToken abort)
    {
        Drain(reader, batch);
        if (IsFull(batch) || _queue.IsClosed)
        {
            return;
        }

        // Wait for whichever comes first: enough events to fill the batch, the batch's delay, or a stop. Awaiting the
        // channel instead would resume this loop (a thread-pool hop and a wake-up) for every single event, and polling
        // in short slices woke it ~100 times a second under steady traffic; this wakes it once per batch.
        var started = _time.GetTimestamp();
        using var delayCancellation = CancellationTokenSource.CreateLinkedTokenSource(abort);
        try
        {
            // Closed (a stop): the batch is written now. The channel's own Completion would not do: it only completes
            // once the queue is empty, and events that came in below the count waited for are still in it.
            while (!IsFull(batch) && !_queue.IsClosed)
            {
                var remaining = _options.MaxBatchDelay - _time.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    return;
                }

                var filled = _queue.WhenCountReaches(MissingEvents(batch.Count));
                var delay = Task.Delay(remaining, _time, delayCancellation.Token);
                await Task.WhenAny(filled, delay).ConfigureAwait(false);
                abort.ThrowIfCancellationRequested();
                Drain(reader, batch);
            }
        }
        finally
        {
            _queue.StopWaitingForCount();
            await delayCancellation.CancelAsync().ConfigureAwait(false); // the pending delay's timer is not needed any more
        }
    }

    private void Drain(ChannelReader<VisitorEvent> reader, List<VisitorEvent> batch)
    {
        while (!IsFull(batch) && reader.TryRead(out var e))
        {
            batch.Add(e);
            _batchVisitors.Add(e.VisitorId);
        }
    }

    /// <summary>
    /// At the most a batch holds; or from <see cref="PersistenceOptions.BatchSize"/> events on, once they average
    /// enough events per visitor, or once so many visitors are in it that the batch could not reach that average
    /// within <see cref="PersistenceOptions.MaxBatchSize"/> (waiting longer would only hold more events in memory).
    /// </summary>
    private bool IsFull(List<VisitorEvent> batch)
    {
        if (batch.Count >= _maxBatchSize)
        {
            return true;
        }

        var target = _batchVisitors.Count * EventsPerVisitorToClose;
        return batch.Count >= _options.BatchSize && (batch.Count >= target || target > _maxBatchSize);
    }

    /// <summary>How many more events could make the batch full, if they came from visitors already in it.</summary>
    private int MissingEvents(int count) => count < _options.BatchSize
        ? _options.BatchSize - count
        : Math.Max(1, Math.Min(_maxBatchSize, _batchVisitors.Count * EventsPerVisitorToClose) - count);

    private async Task FlushAsync(List<VisitorEvent> batch, CancellationToken abort)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            if (_erasures is not null)
            {
                batch.RemoveAll(e => _erasures.Contains(e.VisitorId));
            }

            if (_minimizer is not null)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i] = _minimizer.Minimize(batch[i]);
                }
            }

            if (batch.Count == 0)
            {
                return;
            }

            var firstAttempt = 1;
            if (_applier is not null && _events is EfEventStore efEvents && _profiles is EfProfileStore efProfiles)
            {
                var failure = await TryWriteTogetherAsync(batch, efEvents, efProfiles, abort).ConfigureAwait(false);
                if (failure is null)
                {
                    await EraseLateAsync(batch, abort).ConfigureAwait(false);
                    return;
                }

                // That was the first attempt at the events: the two-step way continues the same count of attempts.
                _metrics.StoreFailed("events");
                if (_options.MaxStoreAttempts <= 1)
                {
                    LogEventsDropped(_logger, failure, batch.Count, 1);
                    return;
                }

                LogTogetherFailed(_logger, failure, batch.Count);
                await BackOffAsync(1, abort).ConfigureAwait(false);
                firstAttempt = 2;
            }

            var stored = await WriteEventsAsync(batch, abort, firstAttempt).ConfigureAwait(false);
            if (stored is null || stored.Count == 0)
            {
                return;
            }

            if (_applier is not null)
            {
                await UpdateProfilesAsync(ByVisitor(stored, inserted: null), abort).ConfigureAwait(false);
            }

            await EraseLateAsync(stored, abort).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Increment(ref _batchesFlushed);
        }
    }

    /// <summary>
    /// Deletes again, once the batch is stored, the data of any of its visitors erased while it was being written. The
    /// batch left out the visitors erased before it was taken; one erased later may have had its rows deleted before
    /// this batch's commit made them visible (on PostgreSQL an erasure does not wait for the batch's transaction), which
    /// would have brought their events and profile back.
    /// </summary>
    private async Task EraseLateAsync(List<VisitorEvent> stored, CancellationToken abort)
    {
        if (_erasures is null)
        {
            return;
        }

        HashSet<string>? erased = null;
        foreach (var e in stored)
        {
            if (_erasures.Contains(e.VisitorId))
            {
                (erased ??= new HashSet<string>(StringComparer.Ordinal)).Add(e.VisitorId);
            }
        }

        if (erased is null)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                foreach (var visitorId in erased.ToList())
                {
                    await _events.DeleteByVisitorAsync(visitorId, abort).ConfigureAwait(false);
                    await _profiles.DeleteAsync(visitorId, abort).ConfigureAwait(false);
                    erased.Remove(visitorId);
                }

                return;
            }
            catch (Exception ex) when (!abort.IsCancellationRequested)
            {
                _metrics.StoreFailed("erasures");
                if (attempt >= _options.MaxStoreAttempts)
                {
                    LogLateErasureFailed(_logger, ex, erased.Count, attempt);
                    return;
                }

                await BackOffAsync(attempt, abort).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The events per visitor in time order (events of the same instant keep their batch order). With
    /// <paramref name="inserted"/>, only the events the insert reported as new, each id once (its first occurrence).
    /// </summary>
    internal static Dictionary<string, List<VisitorEvent>> ByVisitor(IReadOnlyList<VisitorEvent> events, HashSet<Guid>? inserted)
    {
        // Built by hand: grouping and ordering with LINQ allocated a grouping, an iterator, a sorter, a key map and a
        // comparison per visitor of every batch. Events arrive in time order, so sorting is rarely needed.
        var byVisitor = new Dictionary<string, List<VisitorEvent>>(StringComparer.Ordinal);
        HashSet<Guid>? taken = inserted is null ? null : new HashSet<Guid>(inserted.Count);
        foreach (var e in events)
        {
            if (inserted is not null && (!inserted.Contains(e.Id) || !taken!.Add(e.Id)))
            {
                continue;
            }

            if (!byVisitor.TryGetValue(e.VisitorId, out var visitorEvents))
            {
                byVisitor[e.VisitorId] = visitorEvents = [];
            }

            visitorEvents.Add(e);
        }

        foreach (var visitorEvents in byVisitor.Values)
        {
            SortByTime(visitorEvents);
        }

        return byVisitor;
    }

    /// <summary>A stable insertion sort (List.Sort is not stable): linear for the usual, already ordered list.</summary>
    private static void SortByTime(List<VisitorEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            var current = events[i];
            var j = i - 1;
            while (j >= 0 && events[j].Timestamp > current.Timestamp)
            {
                events[j + 1] = events[j];
                j--;
            }

            events[j + 1] = current;
        }
    }

    /// <summary>
    /// Writes the batch's events and the profile updates they cause in one transaction (one commit, so one disk flush,
    /// per batch instead of two). Only the events the insert reports as new are applied, so a replayed event is never
    /// counted twice; visitors that lost an optimistic race are retried after the commit by
    /// <see cref="UpdateProfilesAsync"/> (their events are stored by then). Returns <c>null</c> on success, or the
    /// failure, with nothing committed: the caller then writes the batch the two-step way, counting this as the first
    /// attempt, so a failure on the profile side still stores the events.
    /// </summary>
    private async Task<Exception?> TryWriteTogetherAsync(List<VisitorEvent> batch, EfEventStore events, EfProfileStore profiles, CancellationToken abort)
    {
        HashSet<Guid> inserted;
        Dictionary<string, List<VisitorEvent>> byVisitor;
        List<ProfileSave> saves;
        HashSet<string> saved;
        var generation = profiles.CacheGeneration;
        try
        {
            var db = await events.CreateContextAsync(abort).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                var transaction = await db.Database.BeginTransactionAsync(abort).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    inserted = await EfEventStore.AppendNewInAsync(db, batch, abort).ConfigureAwait(false);
                    byVisitor = ByVisitor(batch, inserted);

                    // Read through the store (its cache first, else its own connection): what it returns was committed.
                    var loaded = await profiles.GetManyAsync(byVisitor.Keys, abort).ConfigureAwait(false);
                    saves = new List<ProfileSave>(byVisitor.Count);
                    foreach (var (visitorId, visitorEvents) in byVisitor)
                    {
                        var profile = loaded.GetValueOrDefault(visitorId) ?? VisitorProfile.CreateNew(visitorId);
                        var expected = profile.Version;
                        if (TryApply(profile, visitorEvents))
                        {
                            saves.Add(new ProfileSave(profile, expected));
                        }
                    }

                    saved = await EfProfileStore.SaveManyInAsync(db, saves, abort).ConfigureAwait(false);
                    await transaction.CommitAsync(abort).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (!abort.IsCancellationRequested)
        {
            return ex;
        }

        _metrics.Written(inserted.Count);
        profiles.Committed(saves, saved, generation);
        await NotifySavedAsync(saves.Where(s => saved.Contains(s.Profile.VisitorId)).Select(s => s.Profile).ToList(), abort).ConfigureAwait(false);

        var lost = saves.Where(s => !saved.Contains(s.Profile.VisitorId)).Select(s => s.Profile.VisitorId).ToList();
        if (lost.Count > 0)
        {
            await UpdateProfilesAsync(lost.ToDictionary(id => id, id => byVisitor[id], StringComparer.Ordinal), abort, roundsDone: 1).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Writes the batch; returns the events newly stored, or <c>null</c> when every attempt failed.</summary>
    private async Task<List<VisitorEvent>?> WriteEventsAsync(List<VisitorEvent> batch, CancellationToken abort, int firstAttempt = 1)
    {
        for (var attempt = firstAttempt; ; attempt++)
        {
            try
            {
                if (_events is EfEventStore efStore)
                {
                    var inserted = await efStore.AppendNewAsync(batch, abort).ConfigureAwait(false);
                    _metrics.Written(inserted.Count);
                    return batch.Where(e => inserted.Contains(e.Id)).DistinctBy(e => e.Id).ToList();
                }

                // A replaced store cannot say which ids were new: every event is applied.
                await _events.AppendAsync(batch, abort).ConfigureAwait(false);
                _metrics.Written(batch.Count);
                return batch.DistinctBy(e => e.Id).ToList();
            }
            catch (Exception ex) when (!abort.IsCancellationRequested)
            {
                _metrics.StoreFailed("events");
                if (attempt >= _options.MaxStoreAttempts)
                {
                    LogEventsDropped(_logger, ex, batch.Count, attempt);
                    return null;
                }

                LogEventsRetry(_logger, ex, batch.Count, attempt);
                await BackOffAsync(attempt, abort).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Loads, applies and saves the batch's profiles in rounds: a round that throws is retried with back-off
    /// (bounded by <see cref="PersistenceOptions.MaxStoreAttempts"/> for the whole batch, so a dead database costs
    /// a few attempts, not a few per visitor); visitors that lost an optimistic race go to the next round, reloaded.
    /// </summary>
    private async Task UpdateProfilesAsync(Dictionary<string, List<VisitorEvent>> byVisitor, CancellationToken abort, int roundsDone = 0)
    {
        var pending = new HashSet<string>(byVisitor.Keys, StringComparer.Ordinal);
        var failures = 0;
        var rounds = roundsDone;
        if (rounds >= _options.MaxConflictRetries)
        {
            LogConflictsExhausted(_logger, pending.Count, rounds);
            return;
        }

        while (pending.Count > 0)
        {
            try
            {
                await SaveRoundAsync(pending, byVisitor, abort).ConfigureAwait(false);
                if (pending.Count > 0 && ++rounds >= _options.MaxConflictRetries)
                {
                    LogConflictsExhausted(_logger, pending.Count, rounds);
                    return;
                }
            }
            catch (Exception ex) when (!abort.IsCancellationRequested)
            {
                _metrics.StoreFailed("profiles");
                if (++failures >= _options.MaxStoreAttempts)
                {
                    LogProfilesDropped(_logger, ex, pending.Count, failures);
                    return;
                }

                LogProfilesRetry(_logger, ex, pending.Count, failures);
                await BackOffAsync(failures, abort).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One round: removes from <paramref name="pending"/> every visitor saved (or whose events could not be applied).</summary>
    private async Task SaveRoundAsync(HashSet<string> pending, Dictionary<string, List<VisitorEvent>> byVisitor, CancellationToken abort)
    {
        if (_profiles is EfProfileStore efStore)
        {
            // One query to load, one transaction to save: a commit per batch instead of one per visitor.
            var loaded = await efStore.GetManyAsync(pending, abort).ConfigureAwait(false);
            var saves = new List<ProfileSave>(pending.Count);
            foreach (var visitorId in pending.ToList())
            {
                var profile = loaded.GetValueOrDefault(visitorId) ?? VisitorProfile.CreateNew(visitorId);
                var expected = profile.Version;
                if (TryApply(profile, byVisitor[visitorId]))
                {
                    saves.Add(new ProfileSave(profile, expected));
                }
                else
                {
                    pending.Remove(visitorId);
                }
            }

            var savedIds = await efStore.SaveManyAsync(saves, abort).ConfigureAwait(false);
            pending.ExceptWith(savedIds);
            await NotifySavedAsync(saves.Where(s => savedIds.Contains(s.Profile.VisitorId)).Select(s => s.Profile).ToList(), abort).ConfigureAwait(false);
            return;
        }

        var savedProfiles = new List<VisitorProfile>();
        foreach (var visitorId in pending.ToList())
        {
            var profile = await _profiles.GetAsync(visitorId, abort).ConfigureAwait(false) ?? VisitorProfile.CreateNew(visitorId);
            var expected = profile.Version;
            if (!TryApply(profile, byVisitor[visitorId]))
            {
                pending.Remove(visitorId);
            }
            else if (await _profiles.SaveAsync(profile, expected, abort).ConfigureAwait(false))
            {
                pending.Remove(visitorId);
                savedProfiles.Add(profile);
            }
        }

        await NotifySavedAsync(savedProfiles, abort).ConfigureAwait(false);
    }

    private async Task NotifySavedAsync(List<VisitorProfile> saved, CancellationToken abort)
    {
        if (_saveListeners.Length == 0)
        {
            return;
        }

        // A visitor erased while the batch was being written is erased again right after it (EraseLateAsync): what was
        // saved for them is not announced.
        if (_erasures is not null)
        {
            saved.RemoveAll(p => _erasures.Contains(p.VisitorId));
        }

        if (saved.Count == 0)
        {
            return;
        }

        foreach (var listener in _saveListeners)
        {
            try
            {
                await listener.OnProfilesSavedAsync(saved, abort).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !abort.IsCancellationRequested)
            {
                LogSaveListenerFailed(_logger, ex, listener.GetType().Name);
            }
        }
    }

    private bool TryApply(VisitorProfile profile, List<VisitorEvent> events)
    {
        try
        {
            foreach (var e in events)
            {
                _applier!.Apply(profile, e);
            }

            _minimizer?.Minimize(profile);
            return true;
        }
        catch (Exception ex)
        {
            LogApplyFailed(_logger, ex, profile.VisitorId);
            return false;
        }
    }

    private Task BackOffAsync(int attempt, CancellationToken abort)
    {
        var delay = _options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt - 1, 10));
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _time, abort);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "No IProfileEventApplier is registered: events are stored but profiles are not updated.")]
    private static partial void LogNoApplier(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Writing {Count} events failed (attempt {Attempt}); retrying.")]
    private static partial void LogEventsRetry(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Writing {Count} events failed {Attempts} times; the batch is dropped.")]
    private static partial void LogEventsDropped(ILogger logger, Exception exception, int count, int attempts);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Updating {Count} profiles failed {Attempts} times; this batch's events are stored but not applied to them.")]
    private static partial void LogProfilesDropped(ILogger logger, Exception exception, int count, int attempts);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{Count} profiles kept changing under the worker ({Rounds} rounds); this batch's events are not applied to them.")]
    private static partial void LogConflictsExhausted(ILogger logger, int count, int rounds);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Updating {Count} profiles failed (attempt {Attempt}); retrying.")]
    private static partial void LogProfilesRetry(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Applying events to profile {VisitorId} failed; the profile is left unchanged.")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, string visitorId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Shutdown timed out: {Count} queued events were not written.")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 8, Level = LogLevel.Critical, Message = "The event ingestion worker failed and stopped.")]
    private static partial void LogWorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Writing {Count} events with their profile updates in one transaction failed (attempt 1); retrying in two steps.")]
    private static partial void LogTogetherFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Profile save listener {Listener} failed.")]
    private static partial void LogSaveListenerFailed(ILogger logger, Exception exception, string listener);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Deleting the data of {Count} visitors erased while their events were being written failed {Attempts} times; erase them again.")]
    private static partial void LogLateErasureFailed(ILogger logger, Exception exception, int count, int attempts);
}
