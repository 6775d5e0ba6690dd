using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Tests.Conditions;

/// <summary>Tests <see cref="JsonAttributeSource"/>.</summary>
public class JsonAttributeSourceTests
{
    [Fact]
    public void TryGetValue_JsonObject_ReadsNestedValues()
    {
        using var document = JsonDocument.Parse("""{"a": {"b": [10, 20]}}""");
        var source = new JsonAttributeSource(document.RootElement);

        Assert.True(source.TryGetValue(AttributePath.Parse("a.b.1"), out var value));
        Assert.Equal(20, value.NumberValue);
        Assert.False(source.TryGetValue(AttributePath.Parse("a.c"), out _));
    }

    [Fact]
    public void Constructor_UndefinedElement_HasNoAttributes() =>
        Assert.Empty(new JsonAttributeSource(default).Values);

    [Fact]
    public void Constructor_NonObject_Throws()
    {
        using var document = JsonDocument.Parse("[1]");
        Assert.Throws<ArgumentException>(() => new JsonAttributeSource(document.RootElement));
    }
}
