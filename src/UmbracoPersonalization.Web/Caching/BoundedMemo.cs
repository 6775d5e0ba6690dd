using System.Collections.Concurrent;

namespace UmbracoPersonalization.Web.Caching;

/// <summary>
/// Remembers what was computed from a request value that repeats across requests (a user agent, a header, a cookie):
/// thread-safe, at most <c>capacity</c> entries, emptied when full, so a flood of distinct values costs a clear now and
/// then, never unbounded memory. Only for pure computations: an entry is never refreshed.
/// </summary>
internal sealed class BoundedMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values;
    private readonly int _capacity;

    public BoundedMemo(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _values = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    public int Count => _values.Count;

    public TValue GetOrAdd<TState>(TKey key, TState state, Func<TKey, TState, TValue> create)
    {
        if (_values.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = create(key, state);
        if (_values.Count >= _capacity)
        {
            _values.Clear();
        }

        _values[key] = value;
        return value;
    }
}
