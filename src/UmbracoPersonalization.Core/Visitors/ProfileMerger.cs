namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// Merges an anonymous profile into a member's profile when the visitor logs in. Deterministic (the result does not
/// depend on which profile is passed first except for the id, member key and merge record, which are the target's)
/// and idempotent: the merged visitor id is recorded in <see cref="VisitorProfile.MergedVisitorIds"/>, and merging
/// it again changes nothing.
/// <list type="bullet">
/// <item>counters (visits, page views, goal counts) add up;</item>
/// <item>interests combine by decayed sum (both scores decayed to the later update time, then added);</item>
/// <item>explicit choices (preferences, paused flag) of the profile seen most recently win; topics and removed
/// interests are combined (a removed interest is dropped from the merged interests);</item>
/// <item>first seen is the earliest, last seen the latest; first referrer/campaign come from the earlier profile,
/// latest visit, device, language and country from the later one.</item>
/// </list>
/// </summary>
public sealed class ProfileMerger
{
    private readonly ProfileOptions _options;

    /// <summary>Creates a merger over the profile options (interest half-life and caps).</summary>
    /// <param name="options">The profile options.</param>
    public ProfileMerger(Microsoft.Extensions.Options.IOptions<ProfileOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Creates a merger over options (tests).</summary>
    /// <param name="options">The profile options.</param>
    public ProfileMerger(ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Whether <paramref name="source"/> is already part of <paramref name="target"/> (merging it is a no-op).</summary>
    public static bool IsMerged(VisitorProfile target, VisitorProfile source)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);
        return string.Equals(target.VisitorId, source.VisitorId, StringComparison.Ordinal)
            || target.MergedVisitorIds.Contains(source.VisitorId);
    }

    /// <summary>Merges <paramref name="source"/> into <paramref name="target"/> in place.</summary>
    /// <param name="target">The member's profile; keeps its id, version and member key.</param>
    /// <param name="source">The anonymous profile; left unchanged.</param>
    /// <returns><c>true</c> when <paramref name="target"/> changed; <c>false</c> when the source was merged before.</returns>
    public bool Merge(VisitorProfile target, VisitorProfile source)
    {
        if (IsMerged(target, source))
        {
            return false;
        }

        var sourceIsNewer = source.LastSeen > target.LastSeen
            || (source.LastSeen == target.LastSeen && string.CompareOrdinal(source.VisitorId, target.VisitorId) > 0);
        var sourceIsOlder = target.Visits == 0 || (source.Visits > 0 && source.FirstSeen < target.FirstSeen);
        var (earlier, later) = sourceIsOlder ? (source, target) : (target, source);
        var (stale, newer) = sourceIsNewer ? (target, source) : (source, target);

        var firstReferrer = earlier.FirstReferrer ?? later.FirstReferrer;
        var firstUtm = earlier.FirstUtm ?? later.FirstUtm;
        var firstSeen = Min(target, source, p => p.FirstSeen);
        var lastSeen = target.LastSeen > source.LastSeen ? target.LastSeen : source.LastSeen;

        target.Visits += source.Visits;
        target.PageViews += source.PageViews;
        target.VisitStartedAt = newer.VisitStartedAt;
        target.VisitPageViews = newer.VisitPageViews;
        target.FirstReferrer = firstReferrer;
        target.FirstUtm = firstUtm;
        target.LastReferrer = newer.LastReferrer ?? target.LastReferrer ?? source.LastReferrer;
        target.LastUtm = newer.LastUtm ?? target.LastUtm ?? source.LastUtm;
        target.Device = newer.Device != DeviceClass.Unknown ? newer.Device : target.Device;
        target.Language = newer.Language ?? target.Language ?? source.Language;
        target.Country = newer.Country ?? target.Country ?? source.Country;
        target.FirstSeen = firstSeen;
        target.LastSeen = lastSeen;

        // Within the limits a visitor has on one device: merges on sign-in must not grow them without bound.
        AddUpTo(target.SuppressedInterests, source.SuppressedInterests, VisitorProfile.MaxSuppressedInterests);
        target.Topics.ExceptWith(target.SuppressedInterests);
        AddUpTo(target.Topics, source.Topics.Except(target.SuppressedInterests, StringComparer.OrdinalIgnoreCase), VisitorProfile.MaxTopics);
        MergeInterests(target.CategoryInterests, source.CategoryInterests, target.SuppressedInterests, lastSeen);
        MergeInterests(target.TagInterests, source.TagInterests, target.SuppressedInterests, lastSeen);
        MergeGoals(target, source);

        var preferences = new Dictionary<string, string>(stale.Preferences, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in newer.Preferences)
        {
            preferences[key] = value;
        }

        target.Preferences.Clear();
        foreach (var (key, value) in preferences.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Take(_options.MaxPreferences))
        {
            target.Preferences[key] = value;
        }

        target.PersonalizationPaused = newer.PersonalizationPaused;
        target.Segments.UnionWith(newer.Segments);
        target.MemberKey ??= source.MemberKey;
        target.MergedVisitorIds.Add(source.VisitorId);
        target.MergedVisitorIds.UnionWith(source.MergedVisitorIds);
        target.MergedVisitorIds.Remove(target.VisitorId);
        target.Stage = ProfileBuilder.ComputeStage(target, target.LastSeen, _options);
        return true;
    }

    private static DateTimeOffset Min(VisitorProfile a, VisitorProfile b, Func<VisitorProfile, DateTimeOffset> value)
    {
        if (a.Visits == 0)
        {
            return value(b);
        }

        if (b.Visits == 0)
        {
            return value(a);
        }

        return value(a) < value(b) ? value(a) : value(b);
    }

    private void MergeInterests(
        Dictionary<string, InterestScore> target, Dictionary<string, InterestScore> source, HashSet<string> suppressed, DateTimeOffset at)
    {
        foreach (var (key, score) in source)
        {
            if (target.TryGetValue(key, out var existing))
            {
                var when = existing.UpdatedAt > score.UpdatedAt ? existing.UpdatedAt : score.UpdatedAt;
                target[key] = new InterestScore(
                    InterestMath.Decay(existing, when, _options.InterestHalfLife) + InterestMath.Decay(score, when, _options.InterestHalfLife),
                    when);
            }
            else
            {
                target[key] = score;
            }
        }

        foreach (var key in suppressed)
        {
            target.Remove(key);
        }

        while (target.Count > _options.MaxInterests)
        {
            var weakest = target
                .OrderBy(p => InterestMath.Decay(p.Value, at, _options.InterestHalfLife))
                .ThenBy(p => p.Key, StringComparer.Ordinal)
                .First().Key;
            target.Remove(weakest);
        }
    }

    private static void MergeGoals(VisitorProfile target, VisitorProfile source)
    {
        foreach (var (alias, goal) in source.Goals)
        {
            target.Goals[alias] = target.Goals.TryGetValue(alias, out var existing)
                ? new GoalRecord(
                    existing.Count + goal.Count,
                    existing.FirstReachedAt < goal.FirstReachedAt ? existing.FirstReachedAt : goal.FirstReachedAt,
                    existing.LastReachedAt > goal.LastReachedAt ? existing.LastReachedAt : goal.LastReachedAt)
                : goal;
        }
    }

    /// <summary>Adds <paramref name="values"/> (in ordinal order, so the result does not depend on set order) while <paramref name="set"/> holds fewer than <paramref name="limit"/>.</summary>
    private static void AddUpTo(HashSet<string> set, IEnumerable<string> values, int limit)
    {
        foreach (var value in values.Order(StringComparer.Ordinal))
        {
            if (set.Count >= limit)
            {
                return;
            }

            set.Add(value);
        }
    }
}
