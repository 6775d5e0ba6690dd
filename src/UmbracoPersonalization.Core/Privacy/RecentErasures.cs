using System.Collections.Concurrent;

namespace UmbracoPersonalization.Core.Privacy;

/// <summary>
/// Visitor ids erased (or whose consent was withdrawn) in the last few minutes, so events still queued in memory for
/// them are dropped instead of recreating the data. Process-local and bounded; entries expire after
/// <see cref="Window"/>.
/// </summary>
public sealed class RecentErasures
{
    /// <summary>How long an erased id is remembered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _erased = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates the registry.</summary>
    public RecentErasures(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Remembers that <paramref name="visitorId"/> was erased now.</summary>
    public void Add(string visitorId)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        var now = _time.GetUtcNow();
        if (_erased.Count >= MaxEntries)
        {
            foreach (var (id, at) in _erased)
            {
                if (now - at > Window)
                {
                    _erased.TryRemove(id, out _);
                }
            }
        }

        _erased[visitorId] = now;
    }

    /// <summary>Whether <paramref name="visitorId"/> was erased within <see cref="Window"/>.</summary>
    public bool Contains(string visitorId)
    {
        if (!_erased.TryGetValue(visitorId, out var at))
        {
            return false;
        }

        if (_time.GetUtcNow() - at <= Window)
        {
            return true;
        }

        _erased.TryRemove(visitorId, out _);
        return false;
    }
}
