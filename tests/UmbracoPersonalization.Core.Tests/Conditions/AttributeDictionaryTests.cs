using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Tests.Conditions;

/// <summary>Tests <see cref="AttributeDictionary"/>.</summary>
public class AttributeDictionaryTests
{
    [Fact]
    public void TryGetValue_NestedPath_WalksObjects()
    {
        var utm = new Dictionary<string, AttributeValue> { ["campaign"] = AttributeValue.From("spring") };
        var attributes = new AttributeDictionary().Set("utm", AttributeValue.FromObject(utm));

        Assert.True(attributes.TryGetValue(AttributePath.Parse("utm.campaign"), out var value));
        Assert.Equal("spring", value.StringValue);
        Assert.False(attributes.TryGetValue(AttributePath.Parse("utm.source"), out value));
        Assert.Equal(AttributeKind.Missing, value.Kind);
    }

    [Fact]
    public void TryGetValue_KeyContainingDots_MatchedExactlyFirst()
    {
        var nested = new Dictionary<string, AttributeValue> { ["b"] = AttributeValue.From("nested") };
        var attributes = new AttributeDictionary()
            .Set("a.b", AttributeValue.From("flat"))
            .Set("a", AttributeValue.FromObject(nested));

        Assert.True(attributes.TryGetValue(AttributePath.Parse("a.b"), out var value));
        Assert.Equal("flat", value.StringValue);
    }

    [Fact]
    public void SetRemoveClear_MutateTheBag()
    {
        var attributes = new AttributeDictionary().Set("a", AttributeValue.From(1)).Set("a", AttributeValue.From(2));
        Assert.Equal(1, attributes.Count);
        Assert.Equal(2, attributes.Values["a"].NumberValue);
        Assert.True(attributes.Remove("a"));
        attributes.Set("b", AttributeValue.Null);
        attributes.Clear();
        Assert.Equal(0, attributes.Count);
    }

    [Fact]
    public void TryGetValue_ExplicitNull_FoundAsNull()
    {
        var attributes = new AttributeDictionary().Set("a", AttributeValue.Null);
        Assert.True(attributes.TryGetValue(AttributePath.Parse("a"), out var value));
        Assert.Equal(AttributeKind.Null, value.Kind);
    }
}
