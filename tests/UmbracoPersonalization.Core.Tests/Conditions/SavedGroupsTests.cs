using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Tests.Conditions;

/// <summary>Tests <see cref="SavedGroups"/>.</summary>
public class SavedGroupsTests
{
    [Fact]
    public void From_Dictionary_ContainsValuesStrictly()
    {
        var groups = SavedGroups.From(new Dictionary<string, IEnumerable<AttributeValue>>
        {
            ["beta"] = [AttributeValue.From("u1"), AttributeValue.From(2)],
        });

        Assert.True(groups.Contains("beta", AttributeValue.From("u1")));
        Assert.True(groups.Contains("beta", AttributeValue.From(2)));
        Assert.False(groups.Contains("beta", AttributeValue.From("2")));
        Assert.False(groups.Contains("other", AttributeValue.From("u1")));
        Assert.Equal(["beta"], groups.GroupIds);
    }

    [Fact]
    public void Parse_NonObject_Throws() => Assert.Throws<FormatException>(() => SavedGroups.Parse("[]"));

    [Fact]
    public void Empty_HasNoGroups() => Assert.Empty(SavedGroups.Empty.GroupIds);
}
