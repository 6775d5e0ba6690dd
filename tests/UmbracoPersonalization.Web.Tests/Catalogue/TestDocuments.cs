using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Strings;

namespace UmbracoPersonalization.Web.Tests.Catalogue;

/// <summary>Umbraco's real <see cref="Content"/> and <see cref="ContentType"/>, with published property values.</summary>
public static class TestDocuments
{
    private static readonly IShortStringHelper ShortStrings = new DefaultShortStringHelper(new DefaultShortStringHelperConfig());

    public static ContentType ProductType()
    {
        var type = new ContentType(ShortStrings, -1) { Alias = "product", Name = "Product" };
        type.AddPropertyType(new PropertyType(ShortStrings, "Umbraco.Tags", ValueStorageType.Ntext, "tags"));
        type.AddPropertyType(new PropertyType(ShortStrings, "Umbraco.TextBox", ValueStorageType.Nvarchar, "categories"));
        type.AddPropertyType(new PropertyType(ShortStrings, "Umbraco.RichText", ValueStorageType.Ntext, "bodyText"));
        return type;
    }

    public static Content Product(string name, string tags, string categories, string bodyText, ContentType? type = null)
    {
        var content = new Content(name, -1, type ?? ProductType()) { Key = Guid.NewGuid(), PublishDate = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc) };
        content.SetValue("tags", tags);
        content.SetValue("categories", categories);
        content.SetValue("bodyText", bodyText);
        foreach (var property in content.Properties)
        {
            property.PublishValues();
        }

        return content;
    }
}
