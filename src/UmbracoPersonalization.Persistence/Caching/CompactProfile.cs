using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Persistence.Caching;

/// <summary>
/// The cached form of a <see cref="VisitorProfile"/>: immutable, with strings that repeat across visitors shared
/// (interned by <see cref="ProfileCache"/>), collections as small arrays instead of dictionaries, and segment
/// memberships as bits over the cache's table of segment aliases. Lossless: <see cref="ToProfile"/> gives back a
/// profile equal to the one stored.
/// </summary>
internal sealed class CompactProfile
{
    private readonly DateTimeOffset _firstSeen;
    private readonly DateTimeOffset _lastSeen;
    private readonly DateTimeOffset _visitStartedAt;
    private readonly string? _memberKey;
    private readonly string? _firstReferrer;
    private readonly string? _lastReferrer;
    private readonly UtmParameters? _firstUtm;
    private readonly UtmParameters? _lastUtm;
    private readonly string? _language;
    private readonly string? _country;
    private readonly Interest[] _categories;
    private readonly Interest[] _tags;
    private readonly KeyValuePair<string, GoalRecord>[] _goals;
    private readonly string[] _preferences;
    private readonly ulong[] _segments;
    private readonly string[] _topics;
    private readonly int[] _recentPages;
    private readonly KeyValuePair<string, int>[] _customEvents;
    private readonly ulong[] _visitSegments;
    private readonly string[] _suppressedInterests;
    private readonly string[] _mergedVisitorIds;
    private readonly int _visits;
    private readonly int _pageViews;
    private readonly int _visitPageViews;
    private readonly DeviceClass _device;
    private readonly LifecycleStage _stage;
    private readonly bool _hasVisitStartedAt;
    private readonly bool _personalizationPaused;

    private CompactProfile(VisitorProfile profile, ProfileCache.Interner interner, in Parts parts)
    {
        VisitorId = profile.VisitorId;
        Version = profile.Version;
        _memberKey = profile.MemberKey;
        _firstSeen = profile.FirstSeen;
        _lastSeen = profile.LastSeen;
        _hasVisitStartedAt = profile.VisitStartedAt.HasValue;
        _visitStartedAt = profile.VisitStartedAt.GetValueOrDefault();
        _visits = profile.Visits;
        _pageViews = profile.PageViews;
        _visitPageViews = profile.VisitPageViews;
        _firstReferrer = interner.String(profile.FirstReferrer);
        _lastReferrer = interner.String(profile.LastReferrer);
        _firstUtm = interner.Utm(profile.FirstUtm);
        _lastUtm = interner.Utm(profile.LastUtm);
        _device = profile.Device;
        _language = interner.String(profile.Language);
        _country = interner.String(profile.Country);
        _categories = parts.Categories;
        _tags = parts.Tags;
        _goals = Pairs(profile.Goals, interner);
        _preferences = Preferences(profile.Preferences, interner);
        _stage = profile.Stage;
        _segments = parts.Segments;
        _visitSegments = parts.VisitSegments;
        _recentPages = parts.RecentPages;
        _customEvents = Pairs(profile.CustomEvents, interner);
        _topics = Strings(profile.Topics, interner);
        _suppressedInterests = Strings(profile.SuppressedInterests, interner);
        _personalizationPaused = profile.PersonalizationPaused;
        _mergedVisitorIds = profile.MergedVisitorIds.Count == 0 ? [] : [.. profile.MergedVisitorIds];
    }

    /// <summary>The visitor id (the cache key).</summary>
    public string VisitorId { get; }

    /// <summary>The stored version this entry reflects.</summary>
    public long Version { get; }

    /// <summary>When the entry stops being served (UTC ticks of the cache's clock).</summary>
    public long ExpiresAt { get; init; }

    /// <summary>The CLOCK eviction's "recently used" bit; read and written under the cache's lock.</summary>
    public bool Referenced { get; set; }

    /// <summary>
    /// The decoded profile handed to readers that never change it (<see cref="ProfileCache.TryGetShared"/>), if one is
    /// kept; read and written under the cache's lock.
    /// </summary>
    public VisitorProfile? Shared { get; set; }

    /// <summary>Compacts <paramref name="profile"/>, or returns <c>null</c> when its segments do not fit the alias table.</summary>
    public static CompactProfile? Create(VisitorProfile profile, ProfileCache.Interner interner, long expiresAt)
    {
        var segments = interner.SegmentBits(profile.Segments);
        var visitSegments = interner.SegmentBits(profile.VisitSegments);
        var categories = Interests(profile.CategoryInterests, interner);
        var tags = Interests(profile.TagInterests, interner);
        var recentPages = Symbols(profile.RecentPages, interner);
        if (segments is null || visitSegments is null || categories is null || tags is null || recentPages is null)
        {
            return null;
        }

        return new CompactProfile(profile, interner, new Parts(segments, visitSegments, categories, tags, recentPages)) { ExpiresAt = expiresAt };
    }

    /// <summary>A new, independent <see cref="VisitorProfile"/> with this entry's data.</summary>
    public VisitorProfile ToProfile(ProfileCache.Interner interner)
    {
        // Filled into the collections a new profile already owns: replacing them through the initializer would allocate
        // every collection twice, on every request of a consenting visitor.
        var profile = new VisitorProfile
        {
            VisitorId = VisitorId,
            Version = Version,
            MemberKey = _memberKey,
            FirstSeen = _firstSeen,
            LastSeen = _lastSeen,
            VisitStartedAt = _hasVisitStartedAt ? _visitStartedAt : null,
            Visits = _visits,
            PageViews = _pageViews,
            VisitPageViews = _visitPageViews,
            FirstReferrer = _firstReferrer,
            LastReferrer = _lastReferrer,
            FirstUtm = _firstUtm,
            LastUtm = _lastUtm,
            Device = _device,
            Language = _language,
            Country = _country,
            Stage = _stage,
            PersonalizationPaused = _personalizationPaused,
        };
        Fill(profile.CategoryInterests, _categories, interner);
        Fill(profile.TagInterests, _tags, interner);
        Fill(profile.Goals, _goals);
        Fill(profile.CustomEvents, _customEvents);
        if (_preferences.Length > 0)
        {
            profile.Preferences.EnsureCapacity(_preferences.Length / 2);
            for (var i = 0; i < _preferences.Length; i += 2)
            {
                profile.Preferences[_preferences[i]] = _preferences[i + 1];
            }
        }

        if (_recentPages.Length > 0)
        {
            profile.RecentPages.EnsureCapacity(_recentPages.Length);
            foreach (var page in _recentPages)
            {
                profile.RecentPages.Add(interner.SymbolAt(page));
            }
        }

        Fill(profile.Topics, _topics);
        Fill(profile.SuppressedInterests, _suppressedInterests);
        Fill(profile.MergedVisitorIds, _mergedVisitorIds);
        interner.AddSegments(_segments, profile.Segments);
        interner.AddSegments(_visitSegments, profile.VisitSegments);
        return profile;
    }

    private static Interest[]? Interests(Dictionary<string, InterestScore> source, ProfileCache.Interner interner)
    {
        if (source.Count == 0)
        {
            return [];
        }

        var result = new Interest[source.Count];
        var i = 0;
        foreach (var (key, score) in source)
        {
            var symbol = interner.Symbol(key);
            if (symbol < 0)
            {
                return null;
            }

            result[i++] = new Interest(symbol, (short)score.UpdatedAt.Offset.TotalMinutes, score.Score, score.UpdatedAt.Ticks);
        }

        return result;
    }

    private static int[]? Symbols(List<string> source, ProfileCache.Interner interner)
    {
        if (source.Count == 0)
        {
            return [];
        }

        var result = new int[source.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = interner.Symbol(source[i]);
            if (result[i] < 0)
            {
                return null;
            }
        }

        return result;
    }

    private static void Fill(Dictionary<string, InterestScore> into, Interest[] interests, ProfileCache.Interner interner)
    {
        if (interests.Length == 0)
        {
            return;
        }

        into.EnsureCapacity(interests.Length);
        foreach (var interest in interests)
        {
            into[interner.SymbolAt(interest.Key)] = interest.Score;
        }
    }

    private static KeyValuePair<string, T>[] Pairs<T>(Dictionary<string, T> source, ProfileCache.Interner interner)
    {
        if (source.Count == 0)
        {
            return [];
        }

        var result = new KeyValuePair<string, T>[source.Count];
        var i = 0;
        foreach (var (key, value) in source)
        {
            result[i++] = new KeyValuePair<string, T>(interner.String(key)!, value);
        }

        return result;
    }

    private static string[] Strings(HashSet<string> source, ProfileCache.Interner interner)
    {
        if (source.Count == 0)
        {
            return [];
        }

        var result = new string[source.Count];
        var i = 0;
        foreach (var value in source)
        {
            result[i++] = interner.String(value)!;
        }

        return result;
    }

    private static string[] Preferences(Dictionary<string, string> source, ProfileCache.Interner interner)
    {
        if (source.Count == 0)
        {
            return [];
        }

        var result = new string[source.Count * 2];
        var i = 0;
        foreach (var (key, value) in source)
        {
            result[i++] = interner.String(key)!;
            result[i++] = interner.String(value)!;
        }

        return result;
    }

    private static void Fill<T>(Dictionary<string, T> into, KeyValuePair<string, T>[] pairs)
    {
        if (pairs.Length == 0)
        {
            return;
        }

        into.EnsureCapacity(pairs.Length);
        foreach (var (key, value) in pairs)
        {
            into[key] = value;
        }
    }

    private static void Fill(HashSet<string> into, string[] values)
    {
        if (values.Length > 0)
        {
            into.UnionWith(values);
        }
    }

    /// <summary>An interest in 24 bytes: the name as a symbol, the offset in minutes, the score and the clock ticks.</summary>
    private readonly struct Interest
    {
        // In this order (4 + 2 + 2 padding + 8 + 8): 24 bytes.
        private readonly int _key;
        private readonly short _offsetMinutes;
        private readonly double _score;
        private readonly long _ticks;

        public Interest(int key, short offsetMinutes, double score, long ticks)
        {
            _key = key;
            _offsetMinutes = offsetMinutes;
            _score = score;
            _ticks = ticks;
        }

        public int Key => _key;

        public InterestScore Score => new(_score, new DateTimeOffset(_ticks, TimeSpan.FromMinutes(_offsetMinutes)));
    }

    /// <summary>The parts of an entry that can fail to compact (a full symbol or alias table).</summary>
    private readonly record struct Parts(ulong[] Segments, ulong[] VisitSegments, Interest[] Categories, Interest[] Tags, int[] RecentPages);
}
