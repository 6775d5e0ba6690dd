using System.Collections;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
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
/// kept; names that are not built in come from the host's extra attributes (a built-in name, and a dotted name under
/// one such as <c>utm.campaign</c>, always wins).
/// </summary>
/// <remarks>
/// Most definitions read a handful of the ~36 built-in attributes, so building all of them for every request (and for
/// every ingested event) was wasted work. A value is stored before its bit is published; a racing reader that sees no bit
/// computes the same value again (every computation is a pure function of the context) and the first one stored wins.
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

    private static readonly FrozenDictionary<string, VisitorAttribute>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int SlotCount = 36;
    private const int InitialCapacity = 8;

    private readonly VisitorAttributes _owner;
    private readonly IReadOnlyDictionary<string, AttributeValue> _extra;

    // Computed values in the order they were first read, and where each attribute's value is: a request reads a
    // handful of the 36 attributes, so a full array of 36 values (~880 bytes, twice per page view: once for the request,
    // once when the worker applies its event) was mostly empty.
    private AttributeValue[] _values = new AttributeValue[InitialCapacity];
    private SlotPositions _positions;
    private int _count;
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
                if (!IsBuiltIn(name))
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

    /// <summary>The value of a built-in attribute; <c>false</c> when the name is not built in.</summary>
    internal bool TryGetBuiltIn(string name, out AttributeValue value)
    {
        if (ByName.TryGetValue(name, out var attribute))
        {
            value = Get(attribute);
            return true;
        }

        value = default;
        return false;
    }

    public bool ContainsKey(string key) => ByName.ContainsKey(key) || (!IsUnderBuiltIn(key) && _extra.ContainsKey(key));

    public bool TryGetValue(string key, out AttributeValue value)
    {
        if (ByName.TryGetValue(key, out var attribute))
        {
            value = Get(attribute);
            return true;
        }

        if (IsUnderBuiltIn(key))
        {
            value = default;
            return false;
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
            if (!IsBuiltIn(pair.Key))
            {
                yield return pair;
            }
        }
    }

    /// <summary>A built-in name, or a dotted name under one: a host attribute of that name is never used.</summary>
    private static bool IsBuiltIn(string name) => ByName.ContainsKey(name) || IsUnderBuiltIn(name);

    /// <summary>
    /// Whether a dotted name starts with a built-in attribute (<c>utm.campaign</c>, <c>interests.bikes</c>): such a path
    /// resolves inside the built-in value, so a host attribute cannot stand in for part of a built-in one, and reading
    /// it does not ask the host's attributes (whose providers may then never run on a request).
    /// </summary>
    private static bool IsUnderBuiltIn(string name)
    {
        var dot = name.IndexOf('.');
        return dot > 0 && ByNameSpan.ContainsKey(name.AsSpan(0, dot));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private AttributeValue Get(VisitorAttribute attribute)
    {
        var slot = (int)attribute;
        var bit = 1L << slot;
        if ((Volatile.Read(ref _computed) & bit) != 0)
        {
            return Volatile.Read(ref _values)[_positions[slot]];
        }

        // Computed outside the lock (it may read other attributes); a racing reader may compute the same pure value,
        // and the first one stored wins. A value is stored before its bit is published, and a grown array copies
        // every stored value, so a reader that sees the bit finds the value in whichever array it reads.
        var value = _owner.Compute(attribute);
        // The map itself is the lock (internal, so nothing else locks on it): one lock object per map would be one more
        // allocation per request.
        lock (this)
        {
            if ((_computed & bit) != 0)
            {
                return _values[_positions[slot]];
            }

            var values = _values;
            if (_count == values.Length)
            {
                var grown = new AttributeValue[Math.Min(values.Length * 2, SlotCount)];
                values.CopyTo(grown, 0);
                Volatile.Write(ref _values, grown);
                values = grown;
            }

            values[_count] = value;
            _positions[slot] = (byte)_count;
            _count++;
            Interlocked.Or(ref _computed, bit);
        }

        return value;
    }

    [InlineArray(SlotCount)]
    private struct SlotPositions
    {
        private byte _first;
    }
}
