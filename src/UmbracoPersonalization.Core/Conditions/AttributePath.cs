using System.Globalization;

namespace UmbracoPersonalization.Core.Conditions;

/// <summary>
/// A dotted attribute path (<c>utm.campaign</c>), split once when a condition is compiled so that lookups on the
/// request path never split strings.
/// </summary>
public sealed class AttributePath
{
    private readonly string[] _segments;
    private readonly int[] _indexes;

    private AttributePath(string path, string[] segments)
    {
        Path = path;
        _segments = segments;
        _indexes = new int[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            // Precomputed so a numeric segment can index into an array (JavaScript's "0" in array) without parsing.
            _indexes[i] = int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1;
        }
    }

    /// <summary>Gets the path as written, e.g. <c>utm.campaign</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the path split on dots, e.g. <c>["utm", "campaign"]</c>.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>Gets whether the path has more than one segment.</summary>
    internal bool IsDotted => _segments.Length > 1;

    /// <summary>Gets the first segment, e.g. <c>utm</c>.</summary>
    internal string First => _segments[0];

    /// <summary>Parses a dotted path. Every string is a valid path (GrowthBook splits on dots, nothing else).</summary>
    /// <param name="dottedPath">The path.</param>
    /// <returns>The parsed path.</returns>
    public static AttributePath Parse(string dottedPath)
    {
        ArgumentNullException.ThrowIfNull(dottedPath);
        return new AttributePath(dottedPath, dottedPath.Split('.'));
    }

    /// <inheritdoc />
    public override string ToString() => Path;

    /// <summary>
    /// Resolves this path against a root map: the whole path as one key first (so <c>"utm.campaign"</c> stored flat is
    /// found), then segment by segment into nested objects and arrays.
    /// </summary>
    /// <param name="root">The top-level attributes.</param>
    /// <param name="value">The value found.</param>
    /// <returns><c>true</c> when found.</returns>
    internal bool TryResolve(IReadOnlyDictionary<string, AttributeValue> root, out AttributeValue value)
    {
        if (root.TryGetValue(Path, out value))
        {
            return true;
        }

        if (_segments.Length == 1 || !root.TryGetValue(_segments[0], out value))
        {
            value = AttributeValue.Missing;
            return false;
        }

        return TryWalk(1, ref value);
    }

    /// <summary>Resolves this path inside a value (used by <c>$elemMatch</c> on arrays of objects).</summary>
    /// <param name="root">The value to look into.</param>
    /// <param name="value">The value found.</param>
    /// <returns><c>true</c> when found.</returns>
    internal bool TryResolve(in AttributeValue root, out AttributeValue value)
    {
        if (root.TryGetObject(out var properties))
        {
            return TryResolve(properties, out value);
        }

        value = root;
        return TryWalk(0, ref value);
    }

    /// <summary>Resolves the rest of this path (after its first segment) inside the first segment's value.</summary>
    /// <param name="first">The value of the first segment.</param>
    /// <param name="value">The value found.</param>
    /// <returns><c>true</c> when found.</returns>
    internal bool TryResolveBelow(in AttributeValue first, out AttributeValue value)
    {
        value = first;
        return TryWalk(1, ref value);
    }

    private bool TryWalk(int start, ref AttributeValue current)
    {
        for (var i = start; i < _segments.Length; i++)
        {
            switch (current.Kind)
            {
                case AttributeKind.Object:
                    if (!current.ObjectValue.TryGetValue(_segments[i], out current))
                    {
                        current = AttributeValue.Missing;
                        return false;
                    }

                    break;
                case AttributeKind.Array:
                    var items = current.ArrayValue;
                    if (_indexes[i] >= 0 && _indexes[i] < items.Count)
                    {
                        current = items[_indexes[i]];
                    }
                    else if (_segments[i] == "length")
                    {
                        current = AttributeValue.From(items.Count);
                    }
                    else
                    {
                        current = AttributeValue.Missing;
                        return false;
                    }

                    break;
                default:
                    current = AttributeValue.Missing;
                    return false;
            }
        }

        return true;
    }
}
