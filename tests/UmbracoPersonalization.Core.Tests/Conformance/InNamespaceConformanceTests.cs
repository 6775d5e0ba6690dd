using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>inNamespace</c> cases against <see cref="NamespaceMembership"/>.</summary>
public class InNamespaceConformanceTests
{
    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows("inNamespace");

    /// <summary>Runs one case: [name, id, [namespace, start, end], expected].</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void IsInNamespace_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var actual = NamespaceMembership.IsInNamespace(item[1].GetString()!, ConformanceJson.Namespace(item[2]));
        Assert.True(item[3].GetBoolean() == actual, name);
    }
}
