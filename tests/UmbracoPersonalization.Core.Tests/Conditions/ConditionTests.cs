using System.Text.Json;
using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Tests.Conditions;

/// <summary>Tests <see cref="Condition"/>: parsing, logical operators and general semantics.</summary>
public partial class ConditionTests
{
    [Fact]
    public void Always_AnyAttributes_Matches()
    {
        Assert.True(Condition.Always.IsMatch(new AttributeDictionary()));
        Assert.Equal("{}", Condition.Always.Source);
    }

    [Fact]
    public void Parse_ValidJson_KeepsSource()
    {
        const string json = """{"country": "NL"}""";
        Assert.Equal(json, Condition.Parse(json).Source);
    }

    [Theory]
    [InlineData("""{"$and": [{"a": 1}, {"b": 2}]}""", """{"a": 1, "b": 2}""", true)]
    [InlineData("""{"$and": [{"a": 1}, {"b": 2}]}""", """{"a": 1, "b": 3}""", false)]
    [InlineData("""{"$or": [{"a": 1}, {"b": 2}]}""", """{"a": 0, "b": 2}""", true)]
    [InlineData("""{"$or": [{"a": 1}, {"b": 2}]}""", """{"a": 0, "b": 0}""", false)]
    [InlineData("""{"$nor": [{"a": 1}, {"b": 2}]}""", """{"a": 0, "b": 0}""", true)]
    [InlineData("""{"$nor": [{"a": 1}, {"b": 2}]}""", """{"a": 1}""", false)]
    [InlineData("""{"$not": {"a": 1}}""", """{"a": 2}""", true)]
    [InlineData("""{"$or": []}""", """{}""", true)]
    [InlineData("""{"$and": []}""", """{}""", true)]
    [InlineData("""{"a": 1, "$or": [{"b": 1}]}""", """{"a": 1, "b": 2}""", false)]
    public void IsMatch_LogicalOperators_FollowGrowthBook(string condition, string attributes, bool expected) =>
        Assert.Equal(expected, Evaluate(condition, attributes));

    [Theory]
    [InlineData("""{"utm.campaign": "spring"}""", true)]
    [InlineData("""{"utm.source": "google"}""", false)]
    [InlineData("""{"tags.1": "b"}""", true)]
    [InlineData("""{"tags.length": 2}""", true)]
    [InlineData("""{"utm.campaign.x": {"$exists": true}}""", false)]
    public void IsMatch_DottedPaths_WalkObjectsAndArrays(string condition, bool expected) =>
        Assert.Equal(expected, Evaluate(condition, """{"utm": {"campaign": "spring"}, "tags": ["a", "b"]}"""));

    [Fact]
    public void IsMatch_FlatKeyWithDots_MatchesExactKeyFirst()
    {
        var attributes = new AttributeDictionary().Set("utm.campaign", AttributeValue.From("flat"));
        Assert.True(Condition.Parse("""{"utm.campaign": "flat"}""").IsMatch(attributes));
    }

    [Fact]
    public void IsMatch_DollarKeyAtTopLevel_IsAnAttributeName()
    {
        // GrowthBook treats unknown top-level "$" keys as attribute names (its "$groups" cases rely on it).
        Assert.True(Evaluate("""{"$groups": {"$elemMatch": {"$eq": "a"}}}""", """{"$groups": ["a"]}"""));
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("""{"a": 1""", "$")]
    [InlineData("[]", "$")]
    [InlineData("\"text\"", "$")]
    [InlineData("""{"age": {"$foo": 1}}""", "$.age.$foo")]
    [InlineData("""{"$and": [{"a": 1}, {"b": 2}, {"age": {"$foo": 1}}]}""", "$.$and[2].age.$foo")]
    [InlineData("""{"$or": {"a": 1}}""", "$.$or")]
    [InlineData("""{"$not": [1]}""", "$.$not")]
    [InlineData("""{"a": {"$in": 1}}""", "$.a.$in")]
    [InlineData("""{"a": {"$nin": "x"}}""", "$.a.$nin")]
    [InlineData("""{"a": {"$all": {}}}""", "$.a.$all")]
    [InlineData("""{"a": {"$elemMatch": [1]}}""", "$.a.$elemMatch")]
    [InlineData("""{"a": {"$regex": 5}}""", "$.a.$regex")]
    [InlineData("""{"a": {"$regex": "([a-z"}}""", "$.a.$regex")]
    [InlineData("""{"a": {"$type": "date"}}""", "$.a.$type")]
    [InlineData("""{"a": {"$type": 1}}""", "$.a.$type")]
    [InlineData("""{"a": {"$gt": [1]}}""", "$.a.$gt")]
    [InlineData("""{"a": {"$lt": null}}""", "$.a.$lt")]
    [InlineData("""{"a": {"$vgt": true}}""", "$.a.$vgt")]
    [InlineData("""{"a": {"$inGroup": ["g"]}}""", "$.a.$inGroup")]
    [InlineData("""{"a": {"$all": [{"$foo": 1}]}}""", "$.a.$all[0].$foo")]
    [InlineData("""{"a": {"$not": {"$bar": 1}}}""", "$.a.$not.$bar")]
    public void Parse_InvalidCondition_ThrowsWithPath(string json, string path)
    {
        var exception = Assert.Throws<ConditionParseException>(() => Condition.Parse(json));
        Assert.Equal(path, exception.Path);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(exception);
    }

    [Fact]
    public void Parse_RegexLongerThanCap_Throws()
    {
        var options = new ConditionOptions { MaxRegexPatternLength = 10 };
        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["a"] = new Dictionary<string, string> { ["$regex"] = new string('a', 11) } });
        var exception = Assert.Throws<ConditionParseException>(() => Condition.Parse(json, options));
        Assert.Equal("$.a.$regex", exception.Path);
    }

    [Fact]
    public void TryParse_InvalidCondition_ReturnsFalseWithError()
    {
        Assert.False(Condition.TryParse("""{"a": {"$nope": 1}}""", out var condition, out var error));
        Assert.Null(condition);
        Assert.Equal("$.a.$nope", error!.Path);
        Assert.True(Condition.TryParse("""{"a": 1}""", out condition, out error));
        Assert.NotNull(condition);
        Assert.Null(error);
    }

    [Fact]
    public void IsMatch_PathologicalRegex_TimesOutAsFalse()
    {
        var options = new ConditionOptions { RegexMatchTimeout = TimeSpan.FromMilliseconds(20) };
        // The value ends in "x", so the pattern matches it, but only after the first branch has failed at the start,
        // and for a long run of "a" that takes exponential backtracking: false can only come from the timeout.
        var condition = Condition.Parse("""{"a": {"$regex": "^(a+)+$|x"}}""", options);
        var shortValue = new AttributeDictionary().Set("a", AttributeValue.From("aaaa!x"));
        var longValue = new AttributeDictionary().Set("a", AttributeValue.From(new string('a', 5000) + "!x"));

        Assert.True(condition.IsMatch(shortValue));
        Assert.False(condition.IsMatch(longValue));
    }

    [Fact]
    public void IsMatch_SameConditionManyThreads_IsThreadSafe()
    {
        var condition = Condition.Parse("""{"n": {"$gt": 5}, "tags": {"$in": ["a"]}}""");
        Parallel.For(0, 2000, i =>
        {
            var attributes = new AttributeDictionary().Set("n", AttributeValue.From(i % 10)).Set("tags", AttributeValue.FromArray([AttributeValue.From("a")]));
            Assert.Equal(i % 10 > 5, condition.IsMatch(attributes));
        });
    }

    [Fact]
    public void IsMatch_NullAttributes_Throws() =>
        Assert.Throws<ArgumentNullException>(() => Condition.Always.IsMatch(null!));

    private static bool Evaluate(string condition, string attributes, ConditionOptions? options = null, SavedGroups? groups = null)
    {
        using var document = JsonDocument.Parse(attributes);
        return Condition.Parse(condition, options ?? ConditionOptions.Default).IsMatch(new JsonAttributeSource(document.RootElement), groups);
    }
}
