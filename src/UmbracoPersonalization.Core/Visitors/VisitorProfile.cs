namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// What we know of a visitor. Plain data: the logic that updates it lives in the profile builder.
/// <see cref="Version"/> supports optimistic writes: a store only accepts a save whose expected version matches.
/// </summary>
public sealed class VisitorProfile
{
    /// <summary>The most topics a visitor can pick (<see cref="Topics"/>).</summary>
    public const int MaxTopics = 32;

    /// <summary>The most interests a visitor can remove (<see cref="SuppressedInterests"/>).</summary>
    public const int MaxSuppressedInterests = 100;

    /// <summary>The pseudonymous visitor id (from the signed visitor cookie).</summary>
    public required string VisitorId { get; init; }

    /// <summary>Incremented on every successful save; 0 for a profile never stored.</summary>
    public long Version { get; set; }

    /// <summary>The member this profile belongs to once the visitor logged in.</summary>
    public string? MemberKey { get; set; }

    /// <summary>First event seen.</summary>
    public DateTimeOffset FirstSeen { get; set; }

    /// <summary>Last event seen.</summary>
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>Number of visits (sessions: a new one starts after the configured inactivity, 30 minutes by default).</summary>
    public int Visits { get; set; }

    /// <summary>When the current visit started.</summary>
    public DateTimeOffset? VisitStartedAt { get; set; }

    /// <summary>Page views in all visits.</summary>
    public int PageViews { get; set; }

    /// <summary>Page views in the current visit.</summary>
    public int VisitPageViews { get; set; }

    /// <summary>The referrer of the very first visit.</summary>
    public string? FirstReferrer { get; set; }

    /// <summary>The referrer of the latest visit.</summary>
    public string? LastReferrer { get; set; }

    /// <summary>Campaign parameters of the first visit that had any.</summary>
    public UtmParameters? FirstUtm { get; set; }

    /// <summary>Campaign parameters of the latest visit that had any.</summary>
    public UtmParameters? LastUtm { get; set; }

    /// <summary>The latest device class.</summary>
    public DeviceClass Device { get; set; }

    /// <summary>The latest preferred language (e.g. <c>nl-NL</c>).</summary>
    public string? Language { get; set; }

    /// <summary>The latest country (ISO 3166-1 alpha-2), never the IP address.</summary>
    public string? Country { get; set; }

    /// <summary>Interest per content category, decaying over time.</summary>
    public Dictionary<string, InterestScore> CategoryInterests { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Interest per content tag, decaying over time.</summary>
    public Dictionary<string, InterestScore> TagInterests { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Goals reached, by goal alias.</summary>
    public Dictionary<string, GoalRecord> Goals { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Explicit preferences the visitor chose (zero-party data); they outrank inferred data.</summary>
    public Dictionary<string, string> Preferences { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The lifecycle stage as of <see cref="LastSeen"/>.</summary>
    public LifecycleStage Stage { get; set; }

    /// <summary>Aliases of the segments the visitor is in, as of the last event.</summary>
    public HashSet<string> Segments { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Paths of the most recently viewed pages, distinct, most recent last (at most 50).</summary>
    public List<string> RecentPages { get; init; } = [];

    /// <summary>Custom events triggered (other than preferences), count by event name (at most 100 names).</summary>
    public Dictionary<string, int> CustomEvents { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Segments the visitor was in at any event of the current visit (cleared when a new visit starts).</summary>
    public HashSet<string> VisitSegments { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Topics the visitor picked in the preference centre (zero-party data); they outrank inferred interests.</summary>
    public HashSet<string> Topics { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Inferred interests (categories or tags) the visitor removed; they are never inferred again.</summary>
    public HashSet<string> SuppressedInterests { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the visitor paused personalization: decisions then use default variants (with the reason).</summary>
    public bool PersonalizationPaused { get; set; }

    /// <summary>
    /// Visitor ids already merged into this profile (on login), so merging the same anonymous profile again is a no-op.
    /// </summary>
    public HashSet<string> MergedVisitorIds { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A new, empty profile for <paramref name="visitorId"/>.</summary>
    public static VisitorProfile CreateNew(string visitorId) => new() { VisitorId = visitorId };

    /// <summary>A deep copy, so a request can read a snapshot while the worker updates the original.</summary>
    public VisitorProfile Clone() => new()
    {
        VisitorId = VisitorId,
        Version = Version,
        MemberKey = MemberKey,
        FirstSeen = FirstSeen,
        LastSeen = LastSeen,
        Visits = Visits,
        VisitStartedAt = VisitStartedAt,
        PageViews = PageViews,
        VisitPageViews = VisitPageViews,
        FirstReferrer = FirstReferrer,
        LastReferrer = LastReferrer,
        FirstUtm = FirstUtm,
        LastUtm = LastUtm,
        Device = Device,
        Language = Language,
        Country = Country,
        CategoryInterests = new(CategoryInterests, StringComparer.OrdinalIgnoreCase),
        TagInterests = new(TagInterests, StringComparer.OrdinalIgnoreCase),
        Goals = new(Goals, StringComparer.OrdinalIgnoreCase),
        Preferences = new(Preferences, StringComparer.OrdinalIgnoreCase),
        Stage = Stage,
        Segments = new(Segments, StringComparer.OrdinalIgnoreCase),
        RecentPages = [.. RecentPages],
        CustomEvents = new(CustomEvents, StringComparer.OrdinalIgnoreCase),
        VisitSegments = new(VisitSegments, StringComparer.OrdinalIgnoreCase),
        Topics = new(Topics, StringComparer.OrdinalIgnoreCase),
        SuppressedInterests = new(SuppressedInterests, StringComparer.OrdinalIgnoreCase),
        PersonalizationPaused = PersonalizationPaused,
        MergedVisitorIds = new(MergedVisitorIds, StringComparer.Ordinal),
    };
}
