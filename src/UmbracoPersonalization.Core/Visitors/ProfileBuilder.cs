using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Events;

namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// Updates a <see cref="VisitorProfile"/> from events. Pure: no clock, no I/O; every moment comes from the event
/// (or is passed in). Not thread-safe per profile: the background worker owns the profile while it applies events.
/// </summary>
public sealed class ProfileBuilder
{
    private static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>(0);

    private readonly ProfileOptions _options;

    /// <summary>Creates a builder over bound options.</summary>
    /// <param name="options">The profile options.</param>
    public ProfileBuilder(IOptions<ProfileOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Creates a builder over options (tests, benchmarks).</summary>
    /// <param name="options">The profile options.</param>
    public ProfileBuilder(ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The options in use.</summary>
    public ProfileOptions Options => _options;

    /// <summary>
    /// Applies one event: visits (a new one after <see cref="ProfileOptions.SessionTimeout"/> of inactivity), page views,
    /// first/last seen, referrers and campaign parameters of visits, device, language, country, decayed interests,
    /// goals, explicit preferences and the lifecycle stage. Events of bots are ignored.
    /// </summary>
    /// <param name="profile">The profile to update in place.</param>
    /// <param name="visitorEvent">The event.</param>
    /// <returns><c>true</c> when the profile changed; <c>false</c> for an ignored event.</returns>
    public bool Apply(VisitorProfile profile, VisitorEvent visitorEvent)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(visitorEvent);
        if (visitorEvent.Device == DeviceClass.Bot)
        {
            return false;
        }

        var at = visitorEvent.Timestamp;
        var isNewVisit = profile.Visits == 0 || at - profile.LastSeen >= _options.SessionTimeout;
        if (isNewVisit)
        {
            StartVisit(profile, visitorEvent);
        }

        if (profile.Visits == 1 && isNewVisit)
        {
            profile.FirstSeen = at;
        }
        else if (at < profile.FirstSeen)
        {
            profile.FirstSeen = at;
        }

        if (at > profile.LastSeen)
        {
            profile.LastSeen = at;
        }

        if (visitorEvent.Utm is { IsEmpty: false } utm)
        {
            profile.FirstUtm ??= utm;
            profile.LastUtm = utm;
        }

        if (visitorEvent.Device != DeviceClass.Unknown)
        {
            profile.Device = visitorEvent.Device;
        }

        if (!string.IsNullOrEmpty(visitorEvent.Language))
        {
            profile.Language = visitorEvent.Language;
        }

        if (!string.IsNullOrEmpty(visitorEvent.Country))
        {
            profile.Country = visitorEvent.Country;
        }

        switch (visitorEvent.Type)
        {
            case VisitorEventType.PageView:
                profile.PageViews++;
                profile.VisitPageViews++;
                RecordPage(profile, visitorEvent.Url);
                AddInterests(profile, visitorEvent, _options.PageViewInterest);
                break;
            case VisitorEventType.Click:
                AddInterests(profile, visitorEvent, _options.ClickInterest);
                break;
            case VisitorEventType.Goal when !string.IsNullOrEmpty(visitorEvent.Name):
                RecordGoal(profile, visitorEvent.Name, at);
                break;
            case VisitorEventType.Custom when IsPreferenceEvent(visitorEvent):
                // A preference event is never counted as a custom event, not even one that carries no properties.
                foreach (var (key, value) in visitorEvent.Properties ?? EmptyProperties)
                {
                    SetPreference(profile, key, value);
                }

                break;
            case VisitorEventType.Custom when !string.IsNullOrEmpty(visitorEvent.Name) && visitorEvent.Name.Length <= MaxEventNameLength:
                RecordCustomEvent(profile, visitorEvent.Name);
                break;
        }

        profile.Stage = ComputeStage(profile, profile.LastSeen);
        return true;
    }

    /// <summary>
    /// Sets an explicit preference (zero-party data, e.g. <c>firstName</c>, <c>interest</c>, <c>language</c>);
    /// an empty or null value removes it. Keys or values over <see cref="ProfileOptions.MaxPreferenceLength"/>, and new
    /// keys beyond <see cref="ProfileOptions.MaxPreferences"/>, are ignored.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="key">The preference key.</param>
    /// <param name="value">The value; empty or null removes the preference.</param>
    /// <returns><c>true</c> when the profile changed.</returns>
    public bool SetPreference(VisitorProfile profile, string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (string.IsNullOrWhiteSpace(key) || key.Length > _options.MaxPreferenceLength)
        {
            return false;
        }

        if (string.IsNullOrEmpty(value))
        {
            return profile.Preferences.Remove(key);
        }

        if (value.Length > _options.MaxPreferenceLength
            || (!profile.Preferences.ContainsKey(key) && profile.Preferences.Count >= _options.MaxPreferences))
        {
            return false;
        }

        profile.Preferences[key] = value;
        return true;
    }

    /// <summary>The lifecycle stage of <paramref name="profile"/> at <paramref name="at"/> (see <see cref="ProfileOptions"/>).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="at">The moment, e.g. the request time.</param>
    /// <returns>The stage.</returns>
    public LifecycleStage ComputeStage(VisitorProfile profile, DateTimeOffset at) => ComputeStage(profile, at, _options);

    /// <summary>
    /// A transient profile built from one request alone, for a visitor without consent: never stored, no id.
    /// It holds one visit with one page view and this request's referrer, campaign, device, language, country and
    /// page interests.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns>The transient profile (<see cref="VisitorProfile.VisitorId"/> is empty).</returns>
    public VisitorProfile CreateTransient(RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profile = VisitorProfile.CreateNew(string.Empty);
        Apply(profile, new VisitorEvent
        {
            Id = Guid.Empty,
            VisitorId = string.Empty,
            Type = VisitorEventType.PageView,
            Timestamp = request.Timestamp,
            Url = request.Path,
            Referrer = request.Referrer,
            Utm = request.Utm,
            Device = request.Device == DeviceClass.Bot ? DeviceClass.Unknown : request.Device,
            Language = request.Language,
            Country = request.Country,
            Categories = request.Categories,
            Tags = request.Tags,
        });
        return profile;
    }

    /// <summary>The lifecycle rules documented on <see cref="ProfileOptions"/>.</summary>
    internal static LifecycleStage ComputeStage(VisitorProfile profile, DateTimeOffset at, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Visits <= 0)
        {
            return LifecycleStage.New;
        }

        var absent = at - profile.LastSeen;
        if (absent >= options.LapsedAfter)
        {
            return LifecycleStage.Lapsed;
        }

        var stage = profile.Visits >= options.LoyalMinVisits ? LifecycleStage.Loyal
            : profile.Visits >= options.EngagedMinVisits ? LifecycleStage.Engaged
            : LifecycleStage.New;
        return stage != LifecycleStage.New && absent >= options.AtRiskAfter ? LifecycleStage.AtRisk : stage;
    }

    private static void StartVisit(VisitorProfile profile, VisitorEvent visitorEvent)
    {
        profile.Visits++;
        profile.VisitStartedAt = visitorEvent.Timestamp;
        profile.VisitPageViews = 0;
        profile.VisitSegments.Clear();
        if (profile.Visits == 1)
        {
            profile.FirstReferrer = visitorEvent.Referrer;
        }

        profile.LastReferrer = visitorEvent.Referrer;
    }

    private static void RecordGoal(VisitorProfile profile, string alias, DateTimeOffset at)
    {
        profile.Goals[alias] = profile.Goals.TryGetValue(alias, out var record)
            ? new GoalRecord(
                record.Count + 1,
                at < record.FirstReachedAt ? at : record.FirstReachedAt,
                at > record.LastReachedAt ? at : record.LastReachedAt)
            : new GoalRecord(1, at, at);
    }

    /// <summary>Most recent page paths kept.</summary>
    public const int MaxRecentPages = 50;

    /// <summary>Most custom event names kept.</summary>
    public const int MaxCustomEvents = 100;

    private const int MaxEventNameLength = 100;
    private const int MaxPagePathLength = 512;

    private static void RecordPage(VisitorProfile profile, string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return;
        }

        var queryStart = url.IndexOf('?', StringComparison.Ordinal);
        var path = (queryStart < 0 ? url : url[..queryStart]).ToLowerInvariant();
        if (path.Length is 0 or > MaxPagePathLength)
        {
            return;
        }

        profile.RecentPages.Remove(path);
        profile.RecentPages.Add(path);
        if (profile.RecentPages.Count > MaxRecentPages)
        {
            profile.RecentPages.RemoveAt(0);
        }
    }

    private static void RecordCustomEvent(VisitorProfile profile, string name)
    {
        if (profile.CustomEvents.TryGetValue(name, out var count))
        {
            profile.CustomEvents[name] = count + 1;
        }
        else if (profile.CustomEvents.Count < MaxCustomEvents)
        {
            profile.CustomEvents[name] = 1;
        }
    }

    private bool IsPreferenceEvent(VisitorEvent visitorEvent) =>
        string.Equals(visitorEvent.Name, _options.PreferenceEventName, StringComparison.OrdinalIgnoreCase);

    private void AddInterests(VisitorProfile profile, VisitorEvent visitorEvent, double increment)
    {
        if (increment <= 0)
        {
            return;
        }

        AddInterests(profile.CategoryInterests, profile.SuppressedInterests, visitorEvent.Categories, increment, visitorEvent.Timestamp);
        AddInterests(profile.TagInterests, profile.SuppressedInterests, visitorEvent.Tags, increment, visitorEvent.Timestamp);
    }

    private void AddInterests(
        Dictionary<string, InterestScore> interests, HashSet<string> suppressed, IReadOnlyList<string> keys, double increment, DateTimeOffset at)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            if (string.IsNullOrWhiteSpace(key) || suppressed.Contains(key))
            {
                continue;
            }

            interests[key] = InterestMath.Add(
                interests.TryGetValue(key, out var current) ? current : null,
                increment,
                at,
                _options.InterestHalfLife);
        }

        while (interests.Count > _options.MaxInterests)
        {
            RemoveWeakest(interests, at);
        }
    }

    private void RemoveWeakest(Dictionary<string, InterestScore> interests, DateTimeOffset at)
    {
        string? weakest = null;
        var weakestScore = double.MaxValue;
        foreach (var (key, score) in interests)
        {
            var value = InterestMath.Decay(score, at, _options.InterestHalfLife);
            if (value < weakestScore)
            {
                weakest = key;
                weakestScore = value;
            }
        }

        if (weakest is not null)
        {
            interests.Remove(weakest);
        }
    }
}
