using System.Collections;
using System.Collections.Frozen;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Visitors;

/// <summary>The built-in attributes, one slot each in <see cref="VisitorAttributeMap"/>.</summary>
internal enum VisitorAttribute
{
    Id,
    Identified,
    Visits,
    PageViews,
    VisitPageViews,
    DaysSinceFirstSeen,
    DaysSinceLastSeen,
    Stage,
    Device,
    Language,
    Country,
    Referrer,
    ReferrerHost,
    FirstReferrer,
    Utm,
    FirstUtm,
    Interests,
    Tags,
    Topics,
    PersonalizationPaused,
    TopInterest,
    Goals,
    Preferences,
    Segments,
    VisitSegments,
    VisitedPages,
    Events,
    Url,
    Path,
    Query,
    Hour,
    Weekday,
    Month,
    Authenticated,
    MemberGroups,
    Page,
}

/// <summary>
/// The top-level attributes of one request as a read-only map: a built-in attribute is computed on its first read and
/// kept; names that are not built in come from the host's extra attributes (a built-in name always wins).
/// </summary>
/// <remarks>
/// Most definitions read a handful of the ~36 built-in attributes, so building all of them for every request (and for
/// every ingested event) was wasted work. A slot is written before its bit is published; a racing reader that sees no bit
/// computes the same value again, which is harmless because every computation is a pure function of the context.
/// </remarks>
internal sealed class VisitorAttributeMap : IReadOnlyDictionary<string, AttributeValue>
{
    private static readonly string[] Names =
    [
        VisitorAttributeNames.Id, VisitorAttributeNames.Identified, VisitorAttributeNames.Visits,
        VisitorAttributeNames.PageViews, VisitorAttributeNames.VisitPageViews, VisitorAttributeNames.DaysSinceFirstSeen,
        VisitorAttributeNames.DaysSinceLastSeen, VisitorAttributeNames.Stage, VisitorAttributeNames.Device,
        VisitorAttributeNames.Language, VisitorAttributeNames.Country, VisitorAttributeNames.Referrer,
        VisitorAttributeNames.ReferrerHost, VisitorAttributeNames.FirstReferrer, VisitorAttributeNames.Utm,
        VisitorAttributeNames.FirstUtm, VisitorAttributeNames.Interests, VisitorAttributeNames.Tags,
        VisitorAttributeNames.Topics, VisitorAttributeNames.PersonalizationPaused, VisitorAttributeNames.TopInterest,
        VisitorAttributeNames.Goals, VisitorAttributeNames.Preferences, VisitorAttributeNames.Segments,
        VisitorAttributeNames.VisitSegments, VisitorAttributeNames.VisitedPages, VisitorAttributeNames.Events,
        VisitorAttributeNames.Url, VisitorAttributeNames.Path, VisitorAttributeNames.Query, VisitorAttributeNames.Hour,
        VisitorAttributeNames.Weekday, VisitorAttributeNames.Month, VisitorAttributeNames.Authenticated,
        VisitorAttributeNames.MemberGroups, VisitorAttributeNames.Page,
    ];

    private static readonly FrozenDictionary<string, VisitorAttribute> ByName =
        Names.Select((name, i) => KeyValuePair.Create(name, (VisitorAttribute)i)).ToFrozenDictionary(StringComparer.Ordinal);

    private readonly VisitorAttributes _owner;
    private readonly IReadOnlyDictionary<string, AttributeValue> _extra;
    private readonly AttributeValue[] _slots = new AttributeValue[Names.Length];
    private long _computed;

    public VisitorAttributeMap(VisitorAttributes owner, IReadOnlyDictionary<string, AttributeValue> extra)
    {
        _owner = owner;
        _extra = extra;
    }

    /// <summary>Every built-in name, in slot order.</summary>
    internal static IReadOnlyList<string> BuiltInNames => Names;

    public int Count
    {
        get
        {
            var count = Names.Length;
            foreach (var name in _extra.Keys)
            {
                if (!ByName.ContainsKey(name))
                {
                    count++;
                }
            }

            return count;
        }
    }

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var (key, _) in this)
            {
                yield return key;
            }
        }
    }

    public IEnumerable<AttributeValue> Values
    {
        get
        {
            foreach (var (_, value) in this)
            {
                yield return value;
            }
        }
    }

    public AttributeValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No attribute named '{key}'.");

    public bool ContainsKey(string key) => ByName.ContainsKey(key) || _extra.ContainsKey(key);

    public bool TryGetValue(string key, out AttributeValue value)
    {
        if (ByName.TryGetValue(key, out var attribute))
        {
            value = Get(attribute);
            return true;
        }

        return _extra.TryGetValue(key, out value);
    }

    public IEnumerator<KeyValuePair<string, AttributeValue>> GetEnumerator()
    {
        for (var i = 0; i < Names.Length; i++)
        {
            yield return KeyValuePair.Create(Names[i], Get((VisitorAttribute)i));
        }

        foreach (var pair in _extra)
        {
            if (!ByName.ContainsKey(pair.Key))
            {
                yield return pair;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private AttributeValue Get(VisitorAttribute attribute)
    {
        var bit = 1L << (int)attribute;
        if ((Volatile.Read(ref _computed) & bit) != 0)
        {
            return _slots[(int)attribute];
        }

        var value = _owner.Compute(attribute);
        _slots[(int)attribute] = value;
        Interlocked.Or(ref _computed, bit);
        return value;
    }
}
