using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.PublishedContent;

namespace UmbracoPersonalization.Web.Segments;

/// <summary>
/// Reads a property for the request's segment with an explicit fall back to the default segment when the segment's
/// value is empty, so editors only fill in what differs. (Umbraco adds the same fallback to its own rendering in recent
/// versions; this helper gives it whatever the version, and for properties that do not vary by segment it is a plain read.)
/// </summary>
public static class SegmentValueExtensions
{
    /// <summary>The value of <paramref name="alias"/> for <paramref name="variation"/>'s segment, else the default segment's.</summary>
    /// <param name="element">The content or element.</param>
    /// <param name="alias">The property alias.</param>
    /// <param name="variation">The request's variation context (culture and segment); null reads invariant, default segment.</param>
    /// <returns>The value, or <c>null</c> when the property does not exist or has no value.</returns>
    public static object? SegmentValue(this IPublishedElement element, string alias, VariationContext? variation)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrEmpty(alias);
        if (element.GetProperty(alias) is not { } property)
        {
            return null;
        }

        var culture = property.PropertyType.Variations.HasFlag(ContentVariation.Culture) ? variation?.Culture : null;
        var segment = variation?.Segment;
        if (!string.IsNullOrEmpty(segment)
            && property.PropertyType.Variations.HasFlag(ContentVariation.Segment)
            && property.HasValue(culture, segment))
        {
            return property.GetValue(culture, segment);
        }

        return property.HasValue(culture, null) ? property.GetValue(culture, null) : null;
    }

    /// <summary>The value as <typeparamref name="T"/> (see <see cref="SegmentValue(IPublishedElement, string, VariationContext?)"/>).</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="element">The content or element.</param>
    /// <param name="alias">The property alias.</param>
    /// <param name="variation">The request's variation context.</param>
    /// <returns>The value, or default when missing or of another type.</returns>
    public static T? SegmentValue<T>(this IPublishedElement element, string alias, VariationContext? variation) =>
        element.SegmentValue(alias, variation) is T value ? value : default;
}
