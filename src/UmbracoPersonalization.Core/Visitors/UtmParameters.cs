using System.Text.Json.Serialization;

namespace UmbracoPersonalization.Core.Visitors;

/// <summary>Campaign parameters from a landing URL (<c>utm_*</c>).</summary>
public sealed record UtmParameters(
    string? Source = null,
    string? Medium = null,
    string? Campaign = null,
    string? Term = null,
    string? Content = null)
{
    /// <summary>No campaign parameters.</summary>
    public static UtmParameters None { get; } = new();

    /// <summary>Whether no parameter is set.</summary>
    /// <remarks>Derived from the parameters, so never written to JSON (stored events, profiles, exports, API responses).</remarks>
    [JsonIgnore]
    public bool IsEmpty => Source is null && Medium is null && Campaign is null && Term is null && Content is null;
}
