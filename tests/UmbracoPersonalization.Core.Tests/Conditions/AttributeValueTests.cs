using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Tests.Conditions;

/// <summary>Tests <see cref="AttributeValue"/>.</summary>
public class AttributeValueTests
{
    [Fact]
    public void Default_IsMissing()
    {
        Assert.Equal(AttributeKind.Missing, default(AttributeValue).Kind);
        Assert.True(AttributeValue.Missing.IsNullOrMissing);
        Assert.True(AttributeValue.Null.IsNullOrMissing);
    }

    [Fact]
    public void From_Scalars_KeepKindAndValue()
    {
        Assert.True(AttributeValue.From(true).BooleanValue);
        Assert.Equal(2.5, AttributeValue.From(2.5).NumberValue);
        Assert.Equal("x", AttributeValue.From("x").StringValue);
        Assert.Equal(AttributeKind.Null, AttributeValue.From((string?)null).Kind);
    }

    [Fact]
    public void Accessor_WrongKind_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => AttributeValue.From("x").NumberValue);
        Assert.False(AttributeValue.From(1).TryGetString(out _));
        Assert.True(AttributeValue.From(1).TryGetNumber(out var number));
        Assert.Equal(1, number);
    }

    [Fact]
    public void FromJson_NestedDocument_ConvertsDeeply()
    {
        using var document = JsonDocument.Parse("""{"a": [1, "b", null, true], "o": {"k": 2}}""");
        var value = AttributeValue.FromJson(document.RootElement);

        var array = value.ObjectValue["a"].ArrayValue;
        Assert.Equal(4, array.Count);
        Assert.Equal(AttributeKind.Null, array[2].Kind);
        Assert.Equal(2, value.ObjectValue["o"].ObjectValue["k"].NumberValue);
        Assert.Equal(AttributeKind.Missing, AttributeValue.FromJson(default).Kind);
    }

    [Fact]
    public void Equals_StructurallyEqualValues_AreEqual()
    {
        using var left = JsonDocument.Parse("""{"a": [1, 2], "b": {"c": "d"}}""");
        using var right = JsonDocument.Parse("""{"b": {"c": "d"}, "a": [1, 2]}""");
        Assert.Equal(AttributeValue.FromJson(left.RootElement), AttributeValue.FromJson(right.RootElement));
        Assert.NotEqual(AttributeValue.From(1), AttributeValue.From("1"));
        Assert.NotEqual(AttributeValue.Missing, AttributeValue.Null);
    }

    [Fact]
    public void ToString_RendersJson()
    {
        using var document = JsonDocument.Parse("""{"a": [1.5, "x", null]}""");
        Assert.Equal("""{"a":[1.5,"x",null]}""", AttributeValue.FromJson(document.RootElement).ToString());
    }
}
