using System.Diagnostics.Metrics;

namespace UmbracoPersonalization.Persistence.Ingestion;

/// <summary>
/// Counters of the event ingestion, on the <c>UmbracoPersonalization</c> meter:
/// <c>events.enqueued</c>, <c>events.dropped</c>, <c>events.written</c>, <c>store.failures</c>.
/// </summary>
public sealed class PersistenceMetrics : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "UmbracoPersonalization";

    private readonly bool _ownsMeter;
    private readonly Counter<long> _enqueued;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _written;
    private readonly Counter<long> _storeFailures;

    /// <summary>Creates the counters, on a meter from <paramref name="meterFactory"/> when the host has one.</summary>
    public PersistenceMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _enqueued = Meter.CreateCounter<long>("events.enqueued", "{event}", "Events accepted by the in-process queue.");
        _dropped = Meter.CreateCounter<long>("events.dropped", "{event}", "Events dropped because the queue was full, closed or the event invalid.");
        _written = Meter.CreateCounter<long>("events.written", "{event}", "Events newly written to the database.");
        _storeFailures = Meter.CreateCounter<long>("store.failures", "{failure}", "Failed database writes of the ingestion worker (each attempt).");
    }

    /// <summary>The meter the counters belong to.</summary>
    public Meter Meter { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }

    internal void Enqueued() => _enqueued.Add(1);

    internal void Dropped(string reason) => _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void Written(int count) => _written.Add(count);

    internal void StoreFailed(string operation) => _storeFailures.Add(1, new KeyValuePair<string, object?>("operation", operation));
}
