using Umbraco.Cms.Core.Models.PublishedContent;

namespace UmbracoPersonalization.Site.Publishing;

/// <summary>An invariant property value read from a content file.</summary>
internal sealed class FilePublishedProperty(IPublishedPropertyType propertyType, object? value) : IPublishedProperty
{
    public IPublishedPropertyType PropertyType { get; } = propertyType;

    public string Alias => PropertyType.Alias;

    public bool HasValue(string? culture = null, string? segment = null) => value switch
    {
        null => false,
        string s => s.Length > 0,
        string[] a => a.Length > 0,
        _ => true,
    };

    public object? GetSourceValue(string? culture = null, string? segment = null) => value;

    public object? GetValue(string? culture = null, string? segment = null) => value;

    public object? GetDeliveryApiValue(bool expanding, string? culture = null, string? segment = null) => value;
}
