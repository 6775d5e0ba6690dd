using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using UmbracoPersonalization.Core.Conditions.Evaluation;

namespace UmbracoPersonalization.Core.Conditions;

/// <summary>
/// Named lists of values (group id to values) for <c>$inGroup</c> / <c>$notInGroup</c>, hashed once.
/// Supplied at evaluation time so a group can change without recompiling the conditions that use it.
/// </summary>
public sealed class SavedGroups
{
    private readonly Dictionary<string, ValueSet?> _groups;

    private SavedGroups(Dictionary<string, ValueSet?> groups) => _groups = groups;

    /// <summary>Gets an instance without groups.</summary>
    public static SavedGroups Empty { get; } = new(new Dictionary<string, ValueSet?>(StringComparer.Ordinal));

    /// <summary>Gets the group ids.</summary>
    public IEnumerable<string> GroupIds => _groups.Keys;

    /// <summary>Builds saved groups from values held in memory.</summary>
    /// <param name="groups">Group id to its values (strings, numbers or booleans).</param>
    /// <returns>The saved groups.</returns>
    public static SavedGroups From(IEnumerable<KeyValuePair<string, IEnumerable<AttributeValue>>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var map = new Dictionary<string, ValueSet?>(StringComparer.Ordinal);
        foreach (var (id, values) in groups)
        {
            map[id] = new ValueSet(values, ignoreCase: false);
        }

        return new SavedGroups(map);
    }

    /// <summary>
    /// Builds saved groups from GrowthBook's JSON: an object of group id to an array of values, or to
    /// <c>{"type": "list", "values": [...]}</c>. Any other entry is kept as malformed: it matches nobody,
    /// even with <c>$notInGroup</c>.
    /// </summary>
    /// <param name="json">The JSON object; null or undefined gives <see cref="Empty"/>.</param>
    /// <returns>The saved groups.</returns>
    /// <exception cref="FormatException">The JSON is not an object.</exception>
    public static SavedGroups FromJson(JsonElement json)
    {
        if (json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return Empty;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Saved groups must be a JSON object of group id to values.");
        }

        var map = new Dictionary<string, ValueSet?>(StringComparer.Ordinal);
        foreach (var group in json.EnumerateObject())
        {
            map[group.Name] = ReadValues(group.Value);
        }

        return new SavedGroups(map);
    }

    /// <summary>Parses saved groups from JSON text (see <see cref="FromJson(JsonElement)"/>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The saved groups.</returns>
    public static SavedGroups Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement);
    }

    /// <summary>Gets a value indicating whether <paramref name="value"/> is in the group (false for unknown groups).</summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="value">The value; an array value is in the group when any element is.</param>
    /// <returns><c>true</c> when a member.</returns>
    public bool Contains(string groupId, AttributeValue value) =>
        _groups.TryGetValue(groupId, out var set) && set is not null && set.ContainsAny(value);

    /// <summary>Finds a group; a known but malformed group gives <c>true</c> with a null set.</summary>
    internal bool TryGetSet(string groupId, out ValueSet? set) => _groups.TryGetValue(groupId, out set);

    private static ValueSet? ReadValues(JsonElement entry)
    {
        if (entry.ValueKind == JsonValueKind.Object
            && entry.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "list"
            && entry.TryGetProperty("values", out var listValues))
        {
            entry = listValues;
        }

        return TryReadArray(entry, out var values) ? new ValueSet(values, ignoreCase: false) : null;
    }

    private static bool TryReadArray(JsonElement entry, [NotNullWhen(true)] out IReadOnlyList<AttributeValue>? values)
    {
        values = entry.ValueKind == JsonValueKind.Array ? AttributeValue.FromJson(entry).ArrayValue : null;
        return values is not null;
    }
}
