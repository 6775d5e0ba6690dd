using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>evalCondition</c> cases against <see cref="Condition"/>.</summary>
public class EvalConditionConformanceTests
{
    private const string Section = "evalCondition";

    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows(Section);

    /// <summary>
    /// Runs one case with GrowthBook semantics. A condition we reject at parse time (unknown operator, bad operand,
    /// invalid regex) must be one GrowthBook evaluates to false: we move that failure from request time to save time.
    /// </summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void IsMatch_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var expected = item[3].GetBoolean();
        var attributes = new JsonAttributeSource(item[2]);
        var groups = item.GetArrayLength() > 4 ? SavedGroups.FromJson(item[4]) : null;

        bool actual;
        try
        {
            actual = Condition.Parse(item[1], ConditionOptions.GrowthBookCompatible).IsMatch(attributes, groups);
        }
        catch (ConditionParseException)
        {
            actual = false;
        }

        Assert.True(expected == actual, $"{name}: expected {expected}");
    }

    /// <summary>
    /// Our default (deny missing values) must differ from GrowthBook in exactly the cases where a missing attribute
    /// would satisfy a comparison; this pins that list so any other drift fails.
    /// </summary>
    [SkippableFact]
    public void IsMatch_DenyDefaults_DifferOnlyWhereMissingValuesCompare()
    {
        Skip.If(!GrowthBookCases.Available, GrowthBookCases.MissingReason);
        var differing = new List<string>();
        foreach (var row in GrowthBookCases.Rows(Section))
        {
            var item = GrowthBookCases.Get(Section, (int)row[1]);
            var attributes = new JsonAttributeSource(item[2]);
            var groups = item.GetArrayLength() > 4 ? SavedGroups.FromJson(item[4]) : null;
            if (!Condition.TryParse(item[1].GetRawText(), out var condition, out _))
            {
                continue;
            }

            if (condition!.IsMatch(attributes, groups) != item[3].GetBoolean())
            {
                differing.Add((string)row[2]);
            }
        }

        Assert.Equal(["missing attribute with comparison operators"], differing);
    }
}
