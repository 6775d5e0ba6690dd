using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// The attributes of one request that conditions and segments read, over a <see cref="VisitorContext"/> (and cached on
/// it). Each top-level attribute is computed the first time something reads it and kept, so a request pays only for the
/// attributes its definitions use, and reading one again allocates nothing.
/// </summary>
/// <remarks>
/// <para>Names (constants in <see cref="VisitorAttributeNames"/>):</para>
/// <list type="table">
/// <listheader><term>attribute</term><description>value</description></listheader>
/// <item><term><c>id</c></term><description>visitor id; null when not identified</description></item>
/// <item><term><c>identified</c></term><description>boolean: known by a consented cookie</description></item>
/// <item><term><c>visits</c>, <c>pageViews</c>, <c>visitPageViews</c></term><description>numbers</description></item>
/// <item><term><c>daysSinceFirstSeen</c>, <c>daysSinceLastSeen</c></term><description>whole days before the request</description></item>
/// <item><term><c>stage</c></term><description><c>new</c>, <c>engaged</c>, <c>loyal</c>, <c>at-risk</c>, <c>lapsed</c> at the request time</description></item>
/// <item><term><c>device</c></term><description><c>desktop</c>, <c>mobile</c>, <c>tablet</c>, <c>unknown</c></description></item>
/// <item><term><c>language</c>, <c>country</c></term><description>preference, else request, else profile</description></item>
/// <item><term><c>referrer</c>, <c>referrerHost</c>, <c>firstReferrer</c></term><description>request's referrer else the visit's; its host; the first visit's</description></item>
/// <item><term><c>utm.source|medium|campaign|term|content</c></term><description>this request's, else the latest visit's</description></item>
/// <item><term><c>firstUtm.*</c></term><description>the first campaign parameters seen</description></item>
/// <item><term><c>interests.&lt;category&gt;</c>, <c>tags.&lt;tag&gt;</c></term><description>decayed interest at the request time</description></item>
/// <item><term><c>topInterest</c></term><description>the <c>interest</c> preference, else the strongest chosen topic, else the strongest category</description></item>
/// <item><term><c>topics</c>, <c>personalizationPaused</c></term><description>topics picked in the preference centre (each scores at least the strongest inferred interest); boolean</description></item>
/// <item><term><c>goals.&lt;alias&gt;</c></term><description>times reached</description></item>
/// <item><term><c>preferences.&lt;key&gt;</c></term><description>explicit preferences</description></item>
/// <item><term><c>visitSegments</c></term><description>array: segments matched at any event of the current visit (session stickiness); empty when this request starts a new visit</description></item>
/// <item><term><c>visitedPages</c></term><description>array: the 50 most recently viewed page paths, lower case</description></item>
/// <item><term><c>events.&lt;name&gt;</c></term><description>times a custom event was triggered</description></item>
/// <item><term><c>segments</c></term><description>array: the segments stored with the profile as of the last event (a condition naming its own segment here keeps a visitor in it: visitor stickiness)</description></item>
/// <item><term><c>url</c>, <c>path</c>, <c>query.&lt;key&gt;</c></term><description>the page</description></item>
/// <item><term><c>hour</c>, <c>weekday</c>, <c>month</c></term><description>0-23, 0 = Sunday, 1-12, in the request timestamp's offset</description></item>
/// <item><term><c>authenticated</c>, <c>memberGroups</c></term><description>boolean; array of group names</description></item>
/// <item><term><c>page.categories</c>, <c>page.tags</c></term><description>arrays of the current page</description></item>
/// </list>
/// <para>Entries of <see cref="RequestContext.Extra"/> (host-contributed attributes) are added under their own names;
/// a built-in name always wins, and so does a dotted name under one (<c>utm.campaign</c> is read inside <c>utm</c>).</para>
/// <para>Keys of nested objects (categories, tags, goals, preferences, query) match case-insensitively.</para>
/// </remarks>
public sealed class VisitorAttributes : IAttributeSource
{
    // Shared by every visitor without goals, events, UTM, ... (attribute values hold their collections, never copy or change them).
    private static readonly AttributeValue EmptyObject = AttributeValue.FromObject(new Dictionary<string, AttributeValue>(0));
    private static readonly AttributeValue EmptyArray = AttributeValue.FromArray(Array.Empty<AttributeValue>());

    // Made once: sorting with an IComparer wraps it in a new delegate on every call.
    private static readonly Comparison<string> Ordinal = string.CompareOrdinal;

    private readonly VisitorContext _context;
    private readonly ProfileOptions _options;
    private readonly VisitorAttributeMap _values;
    private InterestAttributes? _interests;

    private VisitorAttributes(VisitorContext context, ProfileOptions options)
    {
        _context = context;
        _options = options;
        Stage = ProfileBuilder.ComputeStage(context.Profile, context.Request.Timestamp, options);
        _values = new VisitorAttributeMap(this, context.Request.Extra);
    }

    /// <summary>The top-level attributes (each computed on first read; enumerating computes them all).</summary>
    public IReadOnlyDictionary<string, AttributeValue> Values => _values;

    /// <summary>The lifecycle stage at the request time.</summary>
    public LifecycleStage Stage { get; }

    /// <summary>The <c>interest</c> preference, else the strongest topic the visitor chose, else the category with the highest decayed interest; null when none.</summary>
    public string? TopInterest => Interests().Top;

    /// <summary>The attributes of <paramref name="context"/>, created on first use and cached on the context.</summary>
    /// <param name="context">The request's visitor context.</param>
    /// <param name="options">Profile options (decay half-life, lifecycle thresholds).</param>
    /// <returns>The attributes.</returns>
    public static VisitorAttributes For(VisitorContext context, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return context.Cache.GetOrAddAttributes((context, options), static state => new VisitorAttributes(state.context, state.options));
    }

    /// <summary>Creates the attributes of <paramref name="context"/> without caching them on it.</summary>
    /// <param name="context">The request's visitor context.</param>
    /// <param name="options">Profile options (decay half-life, lifecycle thresholds).</param>
    /// <returns>The attributes.</returns>
    public static VisitorAttributes Create(VisitorContext context, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        return new VisitorAttributes(context, options);
    }

    /// <inheritdoc />
    public bool TryGetValue(AttributePath path, out AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(path);

        // A dotted path under a built-in attribute (interests.bikes, utm.campaign) is read inside it: no lookup of the
        // whole path as one name, which can only miss (a built-in root always wins).
        if (path.IsDotted && _values.TryGetBuiltIn(path.First, out var first))
        {
            return path.TryResolveBelow(first, out value);
        }

        return path.TryResolve(_values, out value);
    }

    /// <summary>The attribute spelling of a lifecycle stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <returns><c>new</c>, <c>engaged</c>, <c>loyal</c>, <c>at-risk</c> or <c>lapsed</c>.</returns>
    public static string StageName(LifecycleStage stage) => stage switch
    {
        LifecycleStage.Engaged => "engaged",
        LifecycleStage.Loyal => "loyal",
        LifecycleStage.AtRisk => "at-risk",
        LifecycleStage.Lapsed => "lapsed",
        _ => "new",
    };

    /// <summary>The attribute spelling of a device class.</summary>
    /// <param name="device">The device class.</param>
    /// <returns><c>desktop</c>, <c>mobile</c>, <c>tablet</c>, <c>bot</c> or <c>unknown</c>.</returns>
    public static string DeviceName(DeviceClass device) => device switch
    {
        DeviceClass.Desktop => "desktop",
        DeviceClass.Mobile => "mobile",
        DeviceClass.Tablet => "tablet",
        DeviceClass.Bot => "bot",
        _ => "unknown",
    };

    /// <summary>Computes one built-in attribute (called once per attribute by <see cref="VisitorAttributeMap"/>).</summary>
    internal AttributeValue Compute(VisitorAttribute attribute)
    {
        var profile = _context.Profile;
        var request = _context.Request;
        var now = request.Timestamp;
        switch (attribute)
        {
            case VisitorAttribute.Id:
                return IsIdentified ? AttributeValue.From(profile.VisitorId) : AttributeValue.Null;
            case VisitorAttribute.Identified:
                return AttributeValue.From(IsIdentified);
            case VisitorAttribute.Visits:
                return AttributeValue.From(profile.Visits);
            case VisitorAttribute.PageViews:
                return AttributeValue.From(profile.PageViews);
            case VisitorAttribute.VisitPageViews:
                return AttributeValue.From(SameVisit ? profile.VisitPageViews : 0); // a new visit has none yet
            case VisitorAttribute.DaysSinceFirstSeen:
                return AttributeValue.From(WholeDays(profile.Visits, now - profile.FirstSeen));
            case VisitorAttribute.DaysSinceLastSeen:
                return AttributeValue.From(WholeDays(profile.Visits, now - profile.LastSeen));
            case VisitorAttribute.Stage:
                return AttributeValue.From(StageName(Stage));
            case VisitorAttribute.Device:
                return AttributeValue.From(DeviceName(request.Device != DeviceClass.Unknown ? request.Device : profile.Device));
            case VisitorAttribute.Language:
                return AttributeValue.From(Preference(profile, VisitorAttributeNames.Language) ?? request.Language ?? profile.Language);
            case VisitorAttribute.Country:
                return AttributeValue.From(Preference(profile, VisitorAttributeNames.Country) ?? request.Country ?? profile.Country);
            case VisitorAttribute.Referrer:
                return AttributeValue.From(VisitReferrer);
            case VisitorAttribute.ReferrerHost:
                return AttributeValue.From(HostOf(VisitReferrer));
            case VisitorAttribute.FirstReferrer:
                return AttributeValue.From(profile.FirstReferrer);
            case VisitorAttribute.Utm:
                return UtmObject(!request.Utm.IsEmpty ? request.Utm : profile.LastUtm);
            case VisitorAttribute.FirstUtm:
                return UtmObject(profile.FirstUtm);
            case VisitorAttribute.Interests:
                return Interests().Value;
            case VisitorAttribute.Tags:
                return InterestObject(profile.TagInterests, now, _options.InterestHalfLife, out _);
            case VisitorAttribute.TopInterest:
                return AttributeValue.From(Interests().Top);
            case VisitorAttribute.Topics:
                return SortedStringArray(profile.Topics);
            case VisitorAttribute.PersonalizationPaused:
                return AttributeValue.From(profile.PersonalizationPaused);
            case VisitorAttribute.Goals:
                return CountObject(profile.Goals, static goal => goal.Count);
            case VisitorAttribute.Preferences:
                return StringObject(profile.Preferences);
            case VisitorAttribute.Segments:
                return SortedStringArray(profile.Segments);
            case VisitorAttribute.VisitSegments:
                return SameVisit ? SortedStringArray(profile.VisitSegments) : EmptyArray;
            case VisitorAttribute.VisitedPages:
                return StringArray(profile.RecentPages);
            case VisitorAttribute.Events:
                return CountObject(profile.CustomEvents, static count => count);
            case VisitorAttribute.Url:
                return AttributeValue.From(request.Url);
            case VisitorAttribute.Path:
                return AttributeValue.From(request.Path);
            case VisitorAttribute.Query:
                return StringObject(request.Query);
            case VisitorAttribute.Hour:
                return AttributeValue.From(now.Hour);
            case VisitorAttribute.Weekday:
                return AttributeValue.From((int)now.DayOfWeek);
            case VisitorAttribute.Month:
                return AttributeValue.From(now.Month);
            case VisitorAttribute.Authenticated:
                return AttributeValue.From(request.IsAuthenticated);
            case VisitorAttribute.MemberGroups:
                return StringArray(request.MemberGroups);
            case VisitorAttribute.Page:
                return AttributeValue.FromObject(new Dictionary<string, AttributeValue>(2, StringComparer.Ordinal)
                {
                    ["categories"] = StringArray(request.Categories),
                    ["tags"] = StringArray(request.Tags),
                });
            default:
                throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Not a built-in attribute.");
        }
    }

    private bool IsIdentified => _context.IsIdentified && !string.IsNullOrEmpty(_context.Profile.VisitorId);

    /// <summary>Whether this request continues the profile's last visit (else it starts a new one, whose counts are zero).</summary>
    private bool SameVisit => _context.Profile.Visits > 0 && _context.Request.Timestamp - _context.Profile.LastSeen < _options.SessionTimeout;

    /// <summary>This request's referrer, else the current visit's (a new visit has only its own).</summary>
    private string? VisitReferrer => _context.Request.Referrer ?? (SameVisit ? _context.Profile.LastReferrer : null);

    private static string? Preference(VisitorProfile profile, string key) =>
        profile.Preferences.TryGetValue(key, out var value) ? value : null;

    /// <summary><c>interests</c> and <c>topInterest</c> come from the same decayed scores: computed together, once.</summary>
    private InterestAttributes Interests()
    {
        if (Volatile.Read(ref _interests) is { } known)
        {
            return known;
        }

        var profile = _context.Profile;
        var now = _context.Request.Timestamp;
        var halfLife = _options.InterestHalfLife;
        var value = InterestObject(profile.CategoryInterests, now, halfLife, out var strongest);
        var chosenTopic = ApplyTopics(ref value, profile, now, halfLife);
        var top = Preference(profile, "interest") ?? chosenTopic ?? strongest;
        var computed = new InterestAttributes(value, top);
        Volatile.Write(ref _interests, computed); // a racing reader computes the same values: either copy is right
        return computed;
    }

    private sealed record InterestAttributes(AttributeValue Value, string? Top);

    private static double WholeDays(int visits, TimeSpan elapsed) =>
        visits <= 0 || elapsed <= TimeSpan.Zero ? 0 : Math.Floor(elapsed.TotalDays);

    private static string? HostOf(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.Host)
            ? uri.Host.ToLowerInvariant()
            : null;

    private static AttributeValue UtmObject(UtmParameters? utm)
    {
        if (utm is null || utm.IsEmpty)
        {
            return EmptyObject;
        }

        var values = new Dictionary<string, AttributeValue>(5, StringComparer.Ordinal);
        AddIfSet(values, "source", utm.Source);
        AddIfSet(values, "medium", utm.Medium);
        AddIfSet(values, "campaign", utm.Campaign);
        AddIfSet(values, "term", utm.Term);
        AddIfSet(values, "content", utm.Content);
        return AttributeValue.FromObject(values);
    }

    /// <summary>An object of counts by name (goals reached, custom events), names matched case-insensitively.</summary>
    private static AttributeValue CountObject<T>(Dictionary<string, T> source, Func<T, int> count)
    {
        if (source.Count == 0)
        {
            return EmptyObject;
        }

        var counts = new Dictionary<string, AttributeValue>(source.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in source)
        {
            counts[name] = AttributeValue.From(count(value));
        }

        return AttributeValue.FromObject(counts);
    }

    private static void AddIfSet(Dictionary<string, AttributeValue> values, string key, string? value)
    {
        if (value is not null)
        {
            values[key] = AttributeValue.From(value);
        }
    }

    private static AttributeValue InterestObject(
        Dictionary<string, InterestScore> interests, DateTimeOffset now, TimeSpan halfLife, out string? strongest)
    {
        strongest = null;
        if (interests.Count == 0)
        {
            return EmptyObject;
        }

        var best = double.NegativeInfinity;
        var values = new Dictionary<string, AttributeValue>(interests.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, score) in interests)
        {
            var value = InterestMath.Decay(score, now, halfLife);
            values[key] = AttributeValue.From(value);
            if (value > best || (value == best && string.CompareOrdinal(key, strongest) < 0))
            {
                best = value;
                strongest = key;
            }
        }

        return AttributeValue.FromObject(values);
    }

    /// <summary>
    /// Explicit topics outrank inferred interests: each chosen topic's <c>interests.&lt;topic&gt;</c> is raised to at
    /// least the strongest inferred interest (and at least 1), and the strongest chosen topic is returned for
    /// <c>topInterest</c>. Nothing is allocated for a visitor who chose no topic.
    /// </summary>
    private static string? ApplyTopics(ref AttributeValue interestsValue, VisitorProfile profile, DateTimeOffset now, TimeSpan halfLife)
    {
        if (profile.Topics.Count == 0)
        {
            return null;
        }

        var strongestInferred = 1d;
        foreach (var score in profile.CategoryInterests.Values)
        {
            strongestInferred = Math.Max(strongestInferred, InterestMath.Decay(score, now, halfLife));
        }

        var interests = new Dictionary<string, AttributeValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, score) in profile.CategoryInterests)
        {
            interests[key] = AttributeValue.From(InterestMath.Decay(score, now, halfLife));
        }

        string? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var topic in profile.Topics.Order(StringComparer.Ordinal))
        {
            var own = profile.CategoryInterests.TryGetValue(topic, out var score) ? InterestMath.Decay(score, now, halfLife) : 0;
            var value = Math.Max(own, strongestInferred);
            interests[topic] = AttributeValue.From(value);
            if (own > bestScore)
            {
                best = topic;
                bestScore = own;
            }
        }

        interestsValue = AttributeValue.FromObject(interests);
        return best;
    }

    private static AttributeValue StringObject(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        if (pairs is IReadOnlyCollection<KeyValuePair<string, string>> { Count: 0 })
        {
            return EmptyObject;
        }

        var values = new Dictionary<string, AttributeValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            values[key] = AttributeValue.From(value);
        }

        return AttributeValue.FromObject(values);
    }

    private static AttributeValue SortedStringArray(IReadOnlyCollection<string> items)
    {
        if (items.Count == 0)
        {
            return EmptyArray;
        }

        var sorted = new string[items.Count];
        var i = 0;
        foreach (var item in items)
        {
            sorted[i++] = item;
        }

        Array.Sort(sorted, Ordinal);
        return StringArray(sorted);
    }

    private static AttributeValue StringArray(IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return EmptyArray;
        }

        var values = new AttributeValue[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            values[i] = AttributeValue.From(items[i]);
        }

        return AttributeValue.FromArray(values);
    }
}
