using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PropertyEditors;

namespace UmbracoPersonalization.Web.Tests.Published;

/// <summary>
/// Umbraco's real <see cref="PublishedContentType"/>/<see cref="PublishedPropertyType"/>, built in memory with a
/// factory that only knows text-box data types (what Umbraco's content cache would hand a site).
/// </summary>
public sealed class PublishedTypes : IPublishedContentTypeFactory
{
    private readonly PropertyValueConverterCollection _converters = new(() => []);
    private readonly IPublishedModelFactory _models = new NoopPublishedModelFactory();
    private int _nextId = 1000;

    public static PublishedTypes Instance { get; } = new();

    public PublishedContentType Create(string alias, bool isElement, params (string Alias, ContentVariation Variations)[] properties) =>
        new(
            Guid.NewGuid(),
            Interlocked.Increment(ref _nextId),
            alias,
            isElement ? PublishedItemType.Element : PublishedItemType.Content,
            [],
            type => properties.Select(p => (IPublishedPropertyType)new PublishedPropertyType(type, p.Alias, 1, true, p.Variations, _converters, _models, this)).ToList(),
            properties.Aggregate(ContentVariation.Nothing, (v, p) => v | p.Variations),
            isElement);

    public IPublishedContentType CreateContentType(IContentTypeComposition contentType) => throw new NotSupportedException();

    public IPublishedPropertyType CreatePropertyType(IPublishedContentType contentType, IPropertyType propertyType) => throw new NotSupportedException();

    public IPublishedPropertyType CreatePropertyType(IPublishedContentType contentType, string propertyTypeAlias, int dataTypeId, ContentVariation variations = ContentVariation.Nothing) =>
        new PublishedPropertyType(contentType, propertyTypeAlias, dataTypeId, true, variations, _converters, _models, this);

    public IPublishedPropertyType CreateCorePropertyType(IPublishedContentType contentType, string propertyTypeAlias, int dataTypeId, ContentVariation variations = ContentVariation.Nothing) =>
        new PublishedPropertyType(contentType, propertyTypeAlias, dataTypeId, false, variations, _converters, _models, this);

    public PublishedDataType GetDataType(int id) => new(id, "Umbraco.TextBox", "Umb.PropertyEditorUi.TextBox", new Lazy<object?>(() => null));

    public void ClearDataTypeCache()
    {
    }

    public void NotifyDataTypeChanges(params int[] ids)
    {
    }
}

/// <summary>A property with a value per segment ("" is the default segment).</summary>
public sealed class SegmentedProperty(IPublishedPropertyType propertyType, IReadOnlyDictionary<string, object?> values) : IPublishedProperty
{
    public IPublishedPropertyType PropertyType { get; } = propertyType;

    public string Alias => PropertyType.Alias;

    public bool HasValue(string? culture = null, string? segment = null) =>
        values.TryGetValue(segment ?? string.Empty, out var v) && v is not null && v is not "";

    public object? GetSourceValue(string? culture = null, string? segment = null) => GetValue(culture, segment);

    // A Func value stands in for a value converter: it runs (and may throw) when the value is read.
    public object? GetValue(string? culture = null, string? segment = null) =>
        values.GetValueOrDefault(segment ?? string.Empty) is Func<object?> convert ? convert() : values.GetValueOrDefault(segment ?? string.Empty);

    public object? GetDeliveryApiValue(bool expanding, string? culture = null, string? segment = null) => GetValue(culture, segment);
}

/// <summary>An element (block content or settings) over a real content type.</summary>
public class TestElement : IPublishedElement
{
    private readonly Dictionary<string, IPublishedProperty> _properties = new(StringComparer.OrdinalIgnoreCase);

    public TestElement(IPublishedContentType contentType, IReadOnlyDictionary<string, object?> values)
        : this(contentType, values.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { [string.Empty] = kv.Value }))
    {
    }

    public TestElement(IPublishedContentType contentType, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> segmentedValues)
    {
        ContentType = contentType;
        foreach (var type in contentType.PropertyTypes)
        {
            _properties[type.Alias] = new SegmentedProperty(type, segmentedValues.GetValueOrDefault(type.Alias) ?? new Dictionary<string, object?>());
        }
    }

    public IPublishedContentType ContentType { get; }

    public Guid Key { get; } = Guid.NewGuid();

    public IEnumerable<IPublishedProperty> Properties => _properties.Values;

    public IPublishedProperty? GetProperty(string alias) => _properties.GetValueOrDefault(alias);
}

/// <summary>A published document over a real content type.</summary>
public sealed class TestContent(IPublishedContentType contentType, string name, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> values)
    : TestElement(contentType, values), IPublishedContent
{
    public int Id { get; init; } = 1;

    public string Name { get; } = name;

    public string? UrlSegment => Name.ToLowerInvariant();

    public int SortOrder => 0;

    public int Level => 1;

    public string Path => "-1," + Id;

    public int? TemplateId => null;

    public int CreatorId => 0;

    public DateTime CreateDate => new(2026, 1, 1);

    public int WriterId => 0;

    public DateTime UpdateDate => new(2026, 1, 1);

    public IReadOnlyDictionary<string, PublishedCultureInfo> Cultures { get; } = new Dictionary<string, PublishedCultureInfo>();

    public PublishedItemType ItemType => PublishedItemType.Content;

    public IPublishedContent? Parent => null;

    public IEnumerable<IPublishedContent> Children => [];

    public bool IsDraft(string? culture = null) => false;

    public bool IsPublished(string? culture = null) => true;
}
