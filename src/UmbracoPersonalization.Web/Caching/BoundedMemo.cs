using System.Collections.Concurrent;

namespace UmbracoPersonalization.Web.Caching;

/// <summary>
/// Remembers what was computed from a request value that repeats across requests (a user agent, a header, a cookie):
/// thread-safe, at most <c>capacity</c> entries, emptied when full, so a flood of distinct values costs a clear now and
/// then, never unbounded memory. Keys the optional <c>memoizable</c> test rejects (e.g. a header far longer than any
/// browser sends) are computed every time and never kept, so the memory held stays bounded by size as well as by count.
/// Only for pure computations: an entry is never refreshed.
/// </summary>
internal sealed class BoundedMemo<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values;
    private readonly int _capacity;
    private readonly Func<TKey, bool>? _memoizable;

    public BoundedMemo(int capacity, IEqualityComparer<TKey>? comparer = null, Func<TKey, bool>? memoizable = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _memoizable = memoizable;
        _values = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    public int Count => _values.Count;

    public TValue GetOrAdd<TState>(TKey key, TState state, Func<TKey, TState, TValue> create)
    {
        if (_values.TryGetValue(key, out var known))
        {
            return known;
        }

        if (_memoizable is not null && !_memoizable(key))
        {
            return create(key, state);
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
