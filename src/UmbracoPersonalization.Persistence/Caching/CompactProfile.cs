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
    private readonly KeyValuePair<string, InterestScore>[] _categories;
    private readonly KeyValuePair<string, InterestScore>[] _tags;
    private readonly KeyValuePair<string, GoalRecord>[] _goals;
    private readonly string[] _preferences;
    private readonly ulong[] _segments;
    private readonly string[] _topics;
    private readonly string[] _recentPages;
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

    private CompactProfile(VisitorProfile profile, ProfileCache.Interner interner, ulong[] segments, ulong[] visitSegments)
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
        _categories = Pairs(profile.CategoryInterests, interner);
        _tags = Pairs(profile.TagInterests, interner);
        _goals = Pairs(profile.Goals, interner);
        _preferences = Preferences(profile.Preferences, interner);
        _stage = profile.Stage;
        _segments = segments;
        _visitSegments = visitSegments;
        _recentPages = profile.RecentPages.Count == 0 ? [] : profile.RecentPages.Select(p => interner.String(p)!).ToArray();
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

    /// <summary>Compacts <paramref name="profile"/>, or returns <c>null</c> when its segments do not fit the alias table.</summary>
    public static CompactProfile? Create(VisitorProfile profile, ProfileCache.Interner interner, long expiresAt)
    {
        var segments = interner.SegmentBits(profile.Segments);
        var visitSegments = interner.SegmentBits(profile.VisitSegments);
        return segments is null || visitSegments is null
            ? null
            : new CompactProfile(profile, interner, segments, visitSegments) { ExpiresAt = expiresAt };
    }

    /// <summary>A new, independent <see cref="VisitorProfile"/> with this entry's data.</summary>
    public VisitorProfile ToProfile(ProfileCache.Interner interner)
    {
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
            CategoryInterests = Dictionary(_categories),
            TagInterests = Dictionary(_tags),
            Goals = Dictionary(_goals),
            Preferences = new Dictionary<string, string>(_preferences.Length / 2, StringComparer.OrdinalIgnoreCase),
            Stage = _stage,
            Segments = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            RecentPages = [.. _recentPages],
            CustomEvents = Dictionary(_customEvents),
            VisitSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            Topics = new HashSet<string>(_topics, StringComparer.OrdinalIgnoreCase),
            SuppressedInterests = new HashSet<string>(_suppressedInterests, StringComparer.OrdinalIgnoreCase),
            PersonalizationPaused = _personalizationPaused,
            MergedVisitorIds = new HashSet<string>(_mergedVisitorIds, StringComparer.Ordinal),
        };
        for (var i = 0; i < _preferences.Length; i += 2)
        {
            profile.Preferences[_preferences[i]] = _preferences[i + 1];
        }

        interner.AddSegments(_segments, profile.Segments);
        interner.AddSegments(_visitSegments, profile.VisitSegments);
        return profile;
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

    private static Dictionary<string, T> Dictionary<T>(KeyValuePair<string, T>[] pairs)
    {
        var result = new Dictionary<string, T>(pairs.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            result[key] = value;
        }

        return result;
    }
}
