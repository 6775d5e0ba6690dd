using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PropertyEditors;

namespace UmbracoPersonalization.Site.Publishing;

/// <summary>
/// The demo site's document types, built in memory as Umbraco's own <see cref="PublishedContentType"/> and
/// <see cref="PublishedPropertyType"/>, exactly as Umbraco's content cache would hand them to a site.
/// </summary>
internal sealed class ContentTypes
{
    /// <summary>Property aliases every document type has.</summary>
    public static readonly IReadOnlyList<string> PropertyAliases =
        ["summary", "body", "image", "categories", "tags", "price"];

    private const int TextDataTypeId = -88;
    private const int TagsDataTypeId = 1041;

    private static readonly string[] Aliases = ["home", "category", "product", "blog", "article"];

    private readonly Dictionary<string, IPublishedContentType> _types = new(StringComparer.OrdinalIgnoreCase);

    public ContentTypes()
    {
        var factory = new DataTypeOnlyFactory();
        for (var i = 0; i < Aliases.Length; i++)
        {
            var alias = Aliases[i];
            var id = 1000 + i;
            _types[alias] = new PublishedContentType(
                DeterministicKey.For("doctype:" + alias),
                id,
                alias,
                PublishedItemType.Content,
                [],
                contentType => PropertyAliases.Select(p => factory.CreatePropertyType(
                    contentType, p, p is "categories" or "tags" ? TagsDataTypeId : TextDataTypeId, ContentVariation.Nothing)),
                ContentVariation.Nothing,
                isElement: false);
        }
    }

    /// <summary>Gets the content type with <paramref name="alias"/>.</summary>
    public IPublishedContentType Get(string alias) =>
        _types.TryGetValue(alias, out var type)
            ? type
            : throw new InvalidOperationException($"Unknown content type '{alias}'. Known: {string.Join(", ", Aliases)}.");

    /// <summary>
    /// The part of Umbraco's content-type factory that property types need: data types. Documents are never
    /// created from <see cref="IContentTypeComposition"/> here (there is no database), so those members throw.
    /// </summary>
    private sealed class DataTypeOnlyFactory : IPublishedContentTypeFactory
    {
        private readonly PropertyValueConverterCollection _converters = new(() => []);
        private readonly IPublishedModelFactory _models = new NoopPublishedModelFactory();

        public IPublishedContentType CreateContentType(IContentTypeComposition contentType) =>
            throw new NotSupportedException("The demo site builds its content types in memory.");

        public IPublishedPropertyType CreatePropertyType(IPublishedContentType contentType, IPropertyType propertyType) =>
            throw new NotSupportedException("The demo site builds its property types in memory.");

        public IPublishedPropertyType CreatePropertyType(
            IPublishedContentType contentType, string propertyTypeAlias, int dataTypeId, ContentVariation variations) =>
            new PublishedPropertyType(contentType, propertyTypeAlias, dataTypeId, true, variations, _converters, _models, this);

        public IPublishedPropertyType CreateCorePropertyType(
            IPublishedContentType contentType, string propertyTypeAlias, int dataTypeId, ContentVariation variations) =>
            new PublishedPropertyType(contentType, propertyTypeAlias, dataTypeId, false, variations, _converters, _models, this);

        public PublishedDataType GetDataType(int id) => id switch
        {
            TagsDataTypeId => new PublishedDataType(id, "Umbraco.Tags", "Umb.PropertyEditorUi.Tags", new Lazy<object?>(() => null)),
            _ => new PublishedDataType(id, "Umbraco.TextBox", "Umb.PropertyEditorUi.TextBox", new Lazy<object?>(() => null)),
        };

        public void ClearDataTypeCache()
        {
        }

        public void NotifyDataTypeChanges(params int[] ids)
        {
        }
    }
}
