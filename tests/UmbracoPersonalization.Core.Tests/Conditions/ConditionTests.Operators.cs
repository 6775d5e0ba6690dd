using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Tests.Conditions;

/// <summary>Tests <see cref="Condition"/>: one theory per operator.</summary>
public partial class ConditionTests
{
    [Theory]
    [InlineData("""{"a": "1"}""", """{"a": 1}""", true)]
    [InlineData("""{"a": 8}""", """{"a": "8"}""", true)]
    [InlineData("""{"a": 8}""", """{"a": " 8 "}""", true)]
    [InlineData("""{"a": "true"}""", """{"a": true}""", true)]
    [InlineData("""{"a": true}""", """{"a": 1}""", true)]
    [InlineData("""{"a": false}""", """{"a": ""}""", true)]
    [InlineData("""{"a": null}""", """{}""", true)]
    [InlineData("""{"a": null}""", """{"a": 0}""", false)]
    [InlineData("""{"a": [1, 2]}""", """{"a": [1, 2]}""", true)]
    [InlineData("""{"a": [1, 2]}""", """{"a": [2, 1]}""", false)]
    [InlineData("""{"a": {"b": 1, "c": 2}}""", """{"a": {"c": 2, "b": 1}}""", true)]
    [InlineData("""{"a": {"b": 1}}""", """{"a": {"b": 1, "c": 2}}""", false)]
    [InlineData("""{"a": {}}""", """{"a": {}}""", true)]
    public void IsMatch_ImplicitEquality_UsesGrowthBookConversions(string condition, string attributes, bool expected) =>
        Assert.Equal(expected, Evaluate(condition, attributes));

    [Theory]
    [InlineData("""{"a": {"$eq": "x"}}""", """{"a": "x"}""", true)]
    [InlineData("""{"a": {"$eq": 1}}""", """{"a": "1"}""", false)]
    [InlineData("""{"a": {"$eq": null}}""", """{}""", true)]
    [InlineData("""{"a": {"$eq": [1]}}""", """{"a": [1]}""", false)]
    [InlineData("""{"a": {"$ne": "x"}}""", """{"a": "y"}""", true)]
    [InlineData("""{"a": {"$ne": "x"}}""", """{}""", true)]
    [InlineData("""{"a": {"$ne": 1}}""", """{"a": 1}""", false)]
    public void IsMatch_EqAndNe_AreStrict(string condition, string attributes, bool expected) =>
        Assert.Equal(expected, Evaluate(condition, attributes));

    [Theory]
    [InlineData("""{"a": {"$gt": 5}}""", """{"a": 6}""", true)]
    [InlineData("""{"a": {"$gt": 5}}""", """{"a": "6"}""", true)]
    [InlineData("""{"a": {"$gt": "5"}}""", """{"a": 6}""", true)]
    [InlineData("""{"a": {"$gt": "5"}}""", """{"a": "10"}""", false)]
    [InlineData("""{"a": {"$gte": 5}}""", """{"a": 5}""", true)]
    [InlineData("""{"a": {"$lt": 5}}""", """{"a": "abc"}""", false)]
    [InlineData("""{"a": {"$lte": 1}}""", """{"a": true}""", true)]
    [InlineData("""{"a": {"$lt": "b"}}""", """{"a": "B"}""", true)]
    [InlineData("""{"a": {"$gt": 0}}""", """{"a": {"b": 1}}""", false)]
    public void IsMatch_Comparisons_FollowJavaScript(string condition, string attributes, bool expected) =>
        Assert.Equal(expected, Evaluate(condition, attributes));

    [Theory]
    [InlineData("""{"a": {"$lt": 18}}""")]
    [InlineData("""{"a": {"$gte": -1}}""")]
    [InlineData("""{"a": {"$lte": "5"}}""")]
    [InlineData("""{"a": {"$vlt": "9.0.0"}}""")]
    [InlineData("""{"a": {"$veq": "0"}}""")]
    [InlineData("""{"a": 0}""")]
    [InlineData("""{"a": "null"}""")]
    [InlineData("""{"a": {"$regex": "^n"}}""")]
    public void IsMatch_MissingOrNullAttribute_NeverSatisfiesComparisonByDefault(string condition)
    {
        Assert.False(Evaluate(condition, "{}"));
        Assert.False(Evaluate(condition, """{"a": null}"""));
        Assert.True(Evaluate(condition, "{}", ConditionOptions.GrowthBookCompatible));
    }

    [Theory]
    [InlineData("""{"a": {"$ne": 1}}""", true)]
    [InlineData("""{"a": {"$nin": [1]}}""", true)]
    [InlineData("""{"a": {"$vne": "1.0.0"}}""", true)]
    [InlineData("""{"a": {"$exists": false}}""", true)]
    [InlineData("""{"a": {"$type": "null"}}""", true)]
    [InlineData("""{"a": {"$in": [1]}}""", false)]
    [InlineData("""{"a": {"$in": [null]}}""", true)]
    [InlineData("""{"a": false}""", false)]
    [InlineData("""{"a": {"$size": 0}}""", false)]
    [InlineData("""{"a": {"$elemMatch": {"$eq": 1}}}""", false)]
    [InlineData("""{"a": {"$all": []}}""", false)]
    [InlineData("""{"a": {"$type": "undefined"}}""", false)]
    public void IsMatch_MissingAttribute_NegationsAndNullTestsBehaveAsGrowthBook(string condition, bool expected) =>
        Assert.Equal(expected, Evaluate(condition, "{}"));

    [Theory]
    [InlineData("""{"a": {"$exists": true}}""", """{"a": 0}""", true)]
    [InlineData("""{"a": {"$exists": true}}""", """{"a": null}""", false)]
    [InlineData("""{"a": {"$exists": false}}""", """{"a": ""}""", false)]
    [InlineData("""{"a": {"$exists": 0}}""", """{}""", true)]
    public void IsMatch_Exists_NullCountsAsAbsent(string condition, string attributes, bool expected) =>
        Assert.Equal(expected, Evaluate(condition, attributes));

    [Theory]
    [InlineData("""{"a": {"$in": ["x", 1]}}""", """{"a": 1}""", true)]
    [InlineData("""{"a": {"$in": ["1"]}}""", """{"a": 1}""", false)]
    [InlineData("""{"a": {"$in": ["x"]}}""", """{"a": ["y", "x"]}""", true)]
    [InlineData("""{"a": {"$in": [true]}}""", """{"a": true}""", true)]
    [InlineData("""{"a": {"$nin": ["x"]}}""", """{"a": ["y"]}""", true)]
    [InlineData("""{"a": {"$ini": ["NL"]}}""", """{"a": "nl"}""", true)]
    [InlineData("""{"a": {"$nini": ["NL"]}}""", """{"a": ["be", "nl"]}""", false)]
    public void IsMatch_InFamily_UsesStrictMembership(string condition, string attributes, bool expected) =>
        Assert.Equal(expected, Evaluate(condition, attributes));

    [Theory]
    [InlineData("""{"a": {"$all": ["x", "y"]}}""", """{"a": ["y", "z", "x"]}""", true)]
    [InlineData("""{"a": {"$all": ["x", "y"]}}""", """{"a": ["x"]}""", false)]
    [InlineData("""{"a": {"$all": [{"$gt": 5}]}}""", """{"a": [1, 7]}""", true)]
    [InlineData("""{"a": {"$alli": ["X"]}}""", """{"a": ["x"]}""", true)]
    [InlineData("""{"a": {"$size": 2}}""", """{"a": [1, 2]}""", true)]
    [InlineData("""{"a": {"$size": {"$gte": 3}}}""", """{"a": [1, 2]}""", false)]
    [InlineData("""{"a": {"$size": 2}}""", """{"a": "ab"}""", false)]
    [InlineData("""{"a": {"$elemMatch": {"$gt": 5}}}""", """{"a": [1, 9]}""", true)]
    [InlineData("""{"a": {"$elemMatch": {"n": "x"}}}""", """{"a": [{"n": "y"}, {"n": "x"}]}""", true)]
    [InlineData("""{"a": {"$elemMatch": {"n": "x"}}}""", """{"a": [null, {"n": "y"}]}""", false)]
    [InlineData("""{"a": {"$elemMatch": {"$eq": 0}}}""", """{"a": [0]}""", true)]
    [InlineData("""{"a": {"$not": {"$in": [1]}}}""", """{"a": 2}""", true)]
    public void IsMatch_ArrayOperators_MatchElements(string condition, string attributes, bool expected) =>
        Assert.Equal(expected, Evaluate(condition, attributes));

    [Theory]
    [InlineData("""{"a": {"$regex": "^ab"}}""", """{"a": "abc"}""", true)]
    [InlineData("""{"a": {"$regex": "^AB"}}""", """{"a": "abc"}""", false)]
    [InlineData("""{"a": {"$regexi": "^AB"}}""", """{"a": "abc"}""", true)]
    [InlineData("""{"a": {"$regex": "^12$"}}""", """{"a": 12}""", true)]
    [InlineData("""{"a": {"$regex": "/bikes/"}}""", """{"a": "https://x/bikes/city"}""", true)]
    [InlineData("""{"a": {"$regex": "^true$"}}""", """{"a": true}""", true)]
    public void IsMatch_Regex_MatchesStringForm(string condition, string attributes, bool expected) =>
        Assert.Equal(expected, Evaluate(condition, attributes));

    [Theory]
    [InlineData("string", """{"a": "x"}""")]
    [InlineData("number", """{"a": 1.5}""")]
    [InlineData("boolean", """{"a": false}""")]
    [InlineData("array", """{"a": []}""")]
    [InlineData("object", """{"a": {}}""")]
    [InlineData("null", """{"a": null}""")]
    [InlineData("null", """{}""")]
    public void IsMatch_Type_NamesJsonTypes(string type, string attributes) =>
        Assert.True(Evaluate($$$"""{"a": {"$type": "{{{type}}}"}}""", attributes));

    [Theory]
    [InlineData("$vgt", "2.10.0", "2.9.9", true)]
    [InlineData("$vgt", "1.0.0", "1.0.0-rc.1", true)]
    [InlineData("$vlt", "1.0.0-alpha", "1.0.0-beta", true)]
    [InlineData("$veq", "v1.2.3+build", "1.2.3", true)]
    [InlineData("$vne", "1.2.3", "1.2.4", true)]
    [InlineData("$vgte", "10.0.0", "9.99.99", true)]
    [InlineData("$vlte", "1.2", "1.10", true)]
    public void IsMatch_VersionOperators_ComparePaddedVersions(string op, string actual, string expected, bool result) =>
        Assert.Equal(result, Evaluate($$$"""{"v": {"{{{op}}}": "{{{expected}}}"}}""", $$$"""{"v": "{{{actual}}}"}"""));

    [Fact]
    public void IsMatch_VersionAgainstNumberAttribute_FormatsNumber() =>
        Assert.True(Evaluate("""{"v": {"$vgt": "2.9.0"}}""", """{"v": 3}"""));

    [Theory]
    [InlineData("""{"id": {"$inGroup": "beta"}}""", """{"id": "u1"}""", true)]
    [InlineData("""{"id": {"$inGroup": "beta"}}""", """{"id": "u3"}""", false)]
    [InlineData("""{"id": {"$inGroup": "unknown"}}""", """{"id": "u1"}""", false)]
    [InlineData("""{"id": {"$notInGroup": "beta"}}""", """{"id": "u3"}""", true)]
    [InlineData("""{"id": {"$notInGroup": "unknown"}}""", """{"id": "u1"}""", true)]
    [InlineData("""{"id": {"$notInGroup": "broken"}}""", """{"id": "u1"}""", false)]
    [InlineData("""{"id": {"$inGroup": "broken"}}""", """{"id": "u1"}""", false)]
    [InlineData("""{"id": {"$inGroup": "v2"}}""", """{"id": 7}""", true)]
    public void IsMatch_SavedGroups_LookedUpAtEvaluation(string condition, string attributes, bool expected)
    {
        var groups = SavedGroups.Parse("""{"beta": ["u1", "u2"], "broken": 5, "v2": {"type": "list", "values": [7]}}""");
        Assert.Equal(expected, Evaluate(condition, attributes, groups: groups));
    }
}
