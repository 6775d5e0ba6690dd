namespace UmbracoPersonalization.Core.Definitions;

/// <summary>
/// A definition set could not be compiled: a duplicate alias, an unknown segment or variant, or an invalid
/// condition. <see cref="Field"/> names the offending field, e.g. <c>segments[2].condition</c> or
/// <c>experiences[home-hero].rules[0].segmentAlias</c>.
/// </summary>
public sealed class DefinitionValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The offending field.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="owner">The segment alias or experience placement the field belongs to, if any.</param>
    /// <param name="jsonPath">Where in a condition's JSON the problem is, if it is a condition.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DefinitionValidationException(string field, string reason, string? owner = null, string? jsonPath = null, Exception? innerException = null)
        : base(BuildMessage(field, reason, owner, jsonPath), innerException)
    {
        Field = field;
        Reason = reason;
        Owner = owner;
        JsonPath = jsonPath;
    }

    /// <summary>The offending field, e.g. <c>segments[2].condition</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The segment alias or experience placement the field belongs to, if any.</summary>
    public string? Owner { get; }

    /// <summary>The JSON path inside a condition (e.g. <c>$.visits.$foo</c>), when the condition is invalid.</summary>
    public string? JsonPath { get; }

    private static string BuildMessage(string field, string reason, string? owner, string? jsonPath)
    {
        var where = jsonPath is null ? field : $"{field} at {jsonPath}";
        return owner is null ? $"{where}: {reason}" : $"'{owner}' ({where}): {reason}";
    }
}
