using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Persistence.Caching;

/// <summary>
/// An in-process cache of stored visitor profiles, so a consenting visitor's request needs no database read.
/// It is only a cache: the database stays the truth. <see cref="Stores.EfProfileStore"/> fills it when it reads a
/// profile and updates it after every successful save (the ingestion worker's saves included); a miss reads the store.
/// </summary>
/// <remarks>
/// <para>Bounded by <see cref="PersistenceOptions.ProfileCacheCapacity"/> entries (CLOCK eviction: an entry read since
/// the hand last passed gets a second chance), each kept in a compact form (about 0.8 KB for a typical profile).</para>
/// <para>Staleness: an entry is served for at most <see cref="PersistenceOptions.ProfileCacheTimeToLive"/> after it
/// was read from or written to the database. With one instance the cache is always current, since every save goes
/// through it. With several instances, a profile saved by another instance can be served stale for up to that time;
/// saves stay correct regardless, because they are optimistic on the stored version (a conflict drops the entry and
/// reloads from the database).</para>
/// <para>Erasure and consent withdrawal must call <see cref="Invalidate"/> after deleting the stored profile; a read
/// or save that started before the invalidation does not put the old profile back.</para>
/// </remarks>
public sealed class ProfileCache
{
    private const int MaxSegmentAliases = 4096;

    // "No stored profile" markers are a few dozen bytes each; bounded apart from the profiles so they never evict one.
    private const int MaxMissingMarkers = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _missing = new(StringComparer.Ordinal);
    private readonly Stack<int> _free = new();
    private readonly TimeProvider _time;
    private readonly long _timeToLiveTicks;
    private readonly CompactProfile?[] _sharedEntries = new CompactProfile?[SharedCapacity]; // a ring, oldest at _nextShared
    private CompactProfile?[] _slots = [];
    private int _used;
    private int _hand;
    private int _nextShared;
    private long _generation;

    /// <summary>Creates the cache with the capacity and time to live of <paramref name="options"/>.</summary>
    public ProfileCache(IOptions<PersistenceOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        Capacity = options.Value.ProfileCacheCapacity;
        _timeToLiveTicks = options.Value.ProfileCacheTimeToLive.Ticks;
        Strings = new Interner();
    }

    /// <summary>
    /// How many entries keep a decoded profile for <see cref="TryGetShared"/> at most (a decoded profile is several
    /// times an entry's size).
    /// </summary>
    public const int SharedCapacity = 1024;

    /// <summary>The most entries held; 0 disables the cache.</summary>
    public int Capacity { get; }

    /// <summary>Whether the cache holds anything at all (<see cref="Capacity"/> above 0).</summary>
    public bool IsEnabled => Capacity > 0;

    /// <summary>Entries held now (expired ones included until they are found or evicted).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>The shared strings and segment aliases of the compact entries.</summary>
    internal Interner Strings { get; }

    /// <summary>
    /// A stamp to take before reading or saving a profile and to pass to <see cref="Set(VisitorProfile, long)"/>:
    /// any <see cref="Invalidate"/> or <see cref="Clear"/> in between makes that <c>Set</c> do nothing.
    /// </summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>Gets a copy of the cached profile (the caller may change it), or <c>false</c> on a miss or an expired entry.</summary>
    public bool TryGet(string visitorId, out VisitorProfile profile)
    {
        var entry = Find(visitorId, out _);
        profile = entry?.ToProfile(Strings)!;
        return entry is not null;
    }

    /// <summary>
    /// Like <see cref="TryGet"/>, but for readers that never change the profile (the request path, whose visitor
    /// context is read-only): an entry is decoded once and the same object is handed to every such reader until the
    /// entry is replaced, dropped or expires. Only the <see cref="SharedCapacity"/> entries most recently decoded this
    /// way keep their decoded profile, so the memory this costs is bounded apart from <see cref="Capacity"/>.
    /// </summary>
    public bool TryGetShared(string visitorId, out VisitorProfile profile)
    {
        var entry = Find(visitorId, out var shared);
        profile = shared!;
        if (entry is null)
        {
            return false;
        }

        if (shared is not null)
        {
            return true;
        }

        // Decoded outside the lock; of two readers racing here, the first to come back shares its copy.
        var decoded = entry.ToProfile(Strings);
        lock (_lock)
        {
            if (entry.Shared is { } won)
            {
                profile = won;
                return true;
            }

            // An entry replaced or dropped meanwhile is served once, not shared.
            if (_index.TryGetValue(visitorId, out var slot) && ReferenceEquals(_slots[slot], entry))
            {
                entry.Shared = decoded;
                if (_sharedEntries[_nextShared] is { } oldest)
                {
                    oldest.Shared = null;
                }

                _sharedEntries[_nextShared] = entry;
                _nextShared = (_nextShared + 1) % SharedCapacity;
            }
        }

        profile = decoded;
        return true;
    }

    /// <summary>
    /// The current entry of <paramref name="visitorId"/>, marked as used, with the decoded profile it shares if it has
    /// one; <c>null</c> on a miss (an expired entry is dropped).
    /// </summary>
    private CompactProfile? Find(string visitorId, out VisitorProfile? shared)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        shared = null;
        if (!IsEnabled)
        {
            return null;
        }

        lock (_lock)
        {
            if (!_index.TryGetValue(visitorId, out var slot))
            {
                return null;
            }

            var entry = _slots[slot]!;
            if (_time.GetUtcNow().UtcTicks >= entry.ExpiresAt)
            {
                RemoveAt(visitorId, slot);
                return null;
            }

            entry.Referenced = true;
            shared = entry.Shared;
            return entry;
        }
    }

    /// <summary>
    /// Caches <paramref name="profile"/> as stored at its <see cref="VisitorProfile.Version"/>, unless
    /// <see cref="Generation"/> is no longer <paramref name="generation"/> (something was invalidated meanwhile) or a
    /// newer version is cached. The profile is copied; the caller keeps ownership.
    /// </summary>
    /// <returns>Whether the entry was stored.</returns>
    public bool Set(VisitorProfile profile, long generation)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!IsEnabled || profile.Version <= 0 || Volatile.Read(ref _generation) != generation)
        {
            return false;
        }

        var entry = CompactProfile.Create(profile, Strings, _time.GetUtcNow().UtcTicks + _timeToLiveTicks);
        if (entry is null)
        {
            Invalidate(profile.VisitorId);
            return false;
        }

        lock (_lock)
        {
            if (_generation != generation)
            {
                return false;
            }

            _missing.Remove(profile.VisitorId);
            if (_index.TryGetValue(profile.VisitorId, out var slot))
            {
                if (_slots[slot]!.Version > entry.Version)
                {
                    return false;
                }

                entry.Referenced = _slots[slot]!.Referenced;
                _slots[slot]!.Shared = null;
                _slots[slot] = entry;
                return true;
            }

            slot = FreeSlot();
            _slots[slot] = entry;
            _index[profile.VisitorId] = slot;
            return true;
        }
    }

    /// <summary>
    /// Remembers that the database holds no profile for the visitor, as read after <paramref name="generation"/> was
    /// taken, for <see cref="PersistenceOptions.ProfileCacheTimeToLive"/> at most: unless something was invalidated
    /// meanwhile or a profile is cached for the visitor by now (a save that committed after that read). Any later
    /// <see cref="Set"/>, <see cref="Invalidate"/> or <see cref="Clear"/> forgets it.
    /// </summary>
    /// <returns>Whether the marker was stored.</returns>
    public bool SetMissing(string visitorId, long generation)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        if (!IsEnabled || visitorId.Length > Data.PersonalizationDbContext.KeyMaxLength)
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcTicks;
        lock (_lock)
        {
            if (_generation != generation || _index.ContainsKey(visitorId))
            {
                return false;
            }

            if (_missing.Count >= MaxMissingMarkers && !_missing.ContainsKey(visitorId))
            {
                // Full: drop the expired markers; if every one is still current, this visitor is simply not remembered.
                foreach (var (id, expiresAt) in _missing)
                {
                    if (now >= expiresAt)
                    {
                        _missing.Remove(id);
                    }
                }

                if (_missing.Count >= MaxMissingMarkers)
                {
                    return false;
                }
            }

            _missing[visitorId] = now + _timeToLiveTicks;
            return true;
        }
    }

    /// <summary>Whether a current <see cref="SetMissing"/> marker says the visitor has no stored profile.</summary>
    public bool IsKnownMissing(string visitorId)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        if (!IsEnabled)
        {
            return false;
        }

        lock (_lock)
        {
            if (!_missing.TryGetValue(visitorId, out var expiresAt))
            {
                return false;
            }

            if (_time.GetUtcNow().UtcTicks < expiresAt)
            {
                return true;
            }

            _missing.Remove(visitorId);
            return false;
        }
    }

    /// <summary>
    /// Drops the visitor's entry, and makes any read or save of a profile already under way not cache what it found.
    /// Call it after a profile is deleted or must no longer be served (erasure, consent withdrawal).
    /// </summary>
    public void Invalidate(string visitorId)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        lock (_lock)
        {
            _generation++;
            _missing.Remove(visitorId);
            if (_index.TryGetValue(visitorId, out var slot))
            {
                RemoveAt(visitorId, slot);
            }
        }
    }

    /// <summary>Drops every entry (e.g. after a bulk deletion such as retention).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _generation++;
            _missing.Clear();
            _index.Clear();
            _free.Clear();
            _slots = [];
            _used = 0;
            _hand = 0;
            foreach (var entry in _sharedEntries)
            {
                entry?.Shared = null;
            }

            Array.Clear(_sharedEntries);
            _nextShared = 0;
        }
    }

    private void RemoveAt(string visitorId, int slot)
    {
        _index.Remove(visitorId);
        _slots[slot]!.Shared = null;
        _slots[slot] = null;
        _free.Push(slot);
    }

    /// <summary>A slot for a new entry: a free one, a new one while below capacity, else one evicted by CLOCK.</summary>
    private int FreeSlot()
    {
        if (_free.TryPop(out var slot))
        {
            return slot;
        }

        if (_used < Capacity)
        {
            if (_used == _slots.Length)
            {
                Array.Resize(ref _slots, (int)Math.Min(Capacity, Math.Max(16, _slots.Length * 2L)));
            }

            return _used++;
        }

        var now = _time.GetUtcNow().UtcTicks;
        while (true)
        {
            var candidate = _hand;
            _hand = (_hand + 1) % _used;
            var entry = _slots[candidate]!;
            if (entry.Referenced && now < entry.ExpiresAt)
            {
                entry.Referenced = false;
                continue;
            }

            _index.Remove(entry.VisitorId);
            entry.Shared = null;
            return candidate;
        }
    }

    /// <summary>
    /// Shares strings that repeat across visitors (category and tag names, goal aliases, UTM values, languages, …)
    /// and numbers segment aliases for the membership bits and interest names and page paths for the entries. All tables
    /// are bounded; past the bound a string is simply not shared, and a profile with a segment alias, interest name or
    /// page path that cannot be numbered is not cached (its reads go to the database).
    /// </summary>
    internal sealed class Interner
    {
        private const int MaxStrings = 50_000;
        private const int MaxStringLength = 256;

        private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<UtmParameters, UtmParameters> _utm = new();
        private readonly ConcurrentDictionary<string, int> _segmentIndexes = new(StringComparer.Ordinal);
        private readonly Lock _segmentLock = new();
        private string[] _segmentAliases = new string[64];
        private const int MaxSymbols = 100_000;
        private const int MaxSymbolLength = 512;

        private readonly ConcurrentDictionary<string, int> _symbolIds = new(StringComparer.Ordinal);
        private readonly Lock _symbolLock = new();
        private string[] _symbols = new string[256];
        private int _stringCount;
        private int _utmCount;

        public string? String(string? value)
        {
            if (value is null || value.Length > MaxStringLength)
            {
                return value;
            }

            if (value.Length == 0)
            {
                return string.Empty;
            }

            if (_strings.TryGetValue(value, out var shared))
            {
                return shared;
            }

            if (Volatile.Read(ref _stringCount) >= MaxStrings)
            {
                return value;
            }

            shared = _strings.GetOrAdd(value, value);
            if (ReferenceEquals(shared, value))
            {
                Interlocked.Increment(ref _stringCount);
            }

            return shared;
        }

        public UtmParameters? Utm(UtmParameters? value)
        {
            if (value is null)
            {
                return null;
            }

            if (_utm.TryGetValue(value, out var shared))
            {
                return shared;
            }

            if (Volatile.Read(ref _utmCount) >= MaxStrings)
            {
                return value;
            }

            var interned = new UtmParameters(String(value.Source), String(value.Medium), String(value.Campaign), String(value.Term), String(value.Content));
            shared = _utm.GetOrAdd(interned, interned);
            if (ReferenceEquals(shared, interned))
            {
                Interlocked.Increment(ref _utmCount);
            }

            return shared;
        }

        /// <summary>
        /// A number for <paramref name="value"/> in the symbol table (interest names, page paths), so an entry holds
        /// 4 bytes instead of a reference; -1 when the table is full or the value too long to keep.
        /// </summary>
        public int Symbol(string value)
        {
            if (_symbolIds.TryGetValue(value, out var id))
            {
                return id;
            }

            if (value.Length > MaxSymbolLength)
            {
                return -1;
            }

            lock (_symbolLock)
            {
                if (_symbolIds.TryGetValue(value, out id))
                {
                    return id;
                }

                id = _symbolIds.Count;
                if (id >= MaxSymbols)
                {
                    return -1;
                }

                var symbols = _symbols;
                if (id == symbols.Length)
                {
                    symbols = new string[symbols.Length * 2];
                    Array.Copy(_symbols, symbols, id);
                }

                symbols[id] = String(value)!;
                Volatile.Write(ref _symbols, symbols);
                _symbolIds[value] = id; // published after the symbol is readable at its number
                return id;
            }
        }

        /// <summary>The value numbered <paramref name="id"/> by <see cref="Symbol"/>.</summary>
        public string SymbolAt(int id) => Volatile.Read(ref _symbols)[id];

        /// <summary>The memberships as bits over the alias table, or <c>null</c> when the table is full.</summary>
        public ulong[]? SegmentBits(HashSet<string> segments)
        {
            if (segments.Count == 0)
            {
                return [];
            }

            var max = -1;
            Span<int> indexes = segments.Count <= 128 ? stackalloc int[segments.Count] : new int[segments.Count];
            var n = 0;
            foreach (var alias in segments)
            {
                var index = SegmentIndex(alias);
                if (index < 0)
                {
                    return null;
                }

                indexes[n++] = index;
                max = Math.Max(max, index);
            }

            var bits = new ulong[(max / 64) + 1];
            foreach (var index in indexes)
            {
                bits[index / 64] |= 1UL << (index % 64);
            }

            return bits;
        }

        public void AddSegments(ulong[] bits, HashSet<string> target)
        {
            var aliases = Volatile.Read(ref _segmentAliases);

            // Sized once: adding a visitor's ~20 memberships one by one grew the set's arrays four times.
            var count = 0;
            foreach (var word in bits)
            {
                count += System.Numerics.BitOperations.PopCount(word);
            }

            target.EnsureCapacity(target.Count + count);
            for (var word = 0; word < bits.Length; word++)
            {
                var value = bits[word];
                while (value != 0)
                {
                    var bit = System.Numerics.BitOperations.TrailingZeroCount(value);
                    target.Add(aliases[(word * 64) + bit]);
                    value &= value - 1;
                }
            }
        }

        private int SegmentIndex(string alias)
        {
            if (_segmentIndexes.TryGetValue(alias, out var index))
            {
                return index;
            }

            lock (_segmentLock)
            {
                if (_segmentIndexes.TryGetValue(alias, out index))
                {
                    return index;
                }

                index = _segmentIndexes.Count;
                if (index >= MaxSegmentAliases)
                {
                    return -1;
                }

                var aliases = _segmentAliases;
                if (index == aliases.Length)
                {
                    aliases = new string[aliases.Length * 2];
                    Array.Copy(_segmentAliases, aliases, index);
                }

                aliases[index] = alias;
                Volatile.Write(ref _segmentAliases, aliases);

                // Published after the alias is readable at its index.
                _segmentIndexes[alias] = index;
                return index;
            }
        }
    }
}
