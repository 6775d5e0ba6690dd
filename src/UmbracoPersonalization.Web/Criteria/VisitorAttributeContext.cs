using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Web.Criteria;

/// <summary>What an <see cref="IVisitorAttributeProvider"/> sees, and where it adds attributes.</summary>
public sealed class VisitorAttributeContext
{
    // Shared by every request that adds an empty array (attribute values never change the collections they hold).
    private static readonly AttributeValue EmptyArray = AttributeValue.FromArray(Array.Empty<AttributeValue>());

    // Sized for the built-in providers' attributes so the usual request never grows it.
    private readonly Dictionary<string, AttributeValue> _values = new(16, StringComparer.Ordinal);

    /// <summary>Creates a context.</summary>
    /// <param name="httpContext">The request.</param>
    /// <param name="profile">The visitor's profile snapshot (transient without consent).</param>
    /// <param name="request">The request as the engine sees it.</param>
    public VisitorAttributeContext(HttpContext httpContext, VisitorProfile profile, RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(request);
        HttpContext = httpContext;
        Profile = profile;
        Request = request;
    }

    /// <summary>The HTTP request.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The visitor's profile snapshot.</summary>
    public VisitorProfile Profile { get; }

    /// <summary>The request as the engine sees it (timestamp in the site's time zone, device, country…).</summary>
    public RequestContext Request { get; }

    /// <summary>The attributes added so far.</summary>
    public IReadOnlyDictionary<string, AttributeValue> Values => _values;

    /// <summary>Adds an attribute unless one with that name was already added.</summary>
    /// <param name="name">Top-level attribute name (dotted paths reach into objects).</param>
    /// <param name="value">The value.</param>
    /// <returns><c>true</c> when added.</returns>
    public bool Add(string name, AttributeValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _values.TryAdd(name, value);
    }

    /// <summary>Adds a string attribute (null values are not added).</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="value">The value.</param>
    public void Add(string name, string? value)
    {
        if (value is not null)
        {
            Add(name, AttributeValue.From(value));
        }
    }

    /// <summary>Adds an object attribute of string values, keys matched case-insensitively.</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="pairs">The key/value pairs.</param>
    public void AddObject(string name, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var values = new Dictionary<string, AttributeValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            values[key] = AttributeValue.From(value);
        }

        Add(name, AttributeValue.FromObject(values));
    }

    /// <summary>Adds an array attribute of strings.</summary>
    /// <param name="name">Attribute name.</param>
    /// <param name="items">The items.</param>
    public void AddArray(string name, IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items is IReadOnlyCollection<string> { Count: 0 })
        {
            Add(name, EmptyArray);
            return;
        }

        var values = new List<AttributeValue>(items is IReadOnlyCollection<string> c ? c.Count : 4);
        foreach (var item in items)
        {
            values.Add(AttributeValue.From(item));
        }

        Add(name, AttributeValue.FromArray(values.ToArray()));
    }
}
