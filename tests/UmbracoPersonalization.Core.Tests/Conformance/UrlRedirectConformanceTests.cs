using System.Text.Json;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Conformance;

/// <summary>GrowthBook's <c>urlRedirect</c> cases against <see cref="UrlRedirects"/>.</summary>
public class UrlRedirectConformanceTests
{
    /// <summary>Gets the rows.</summary>
    public static IEnumerable<object[]> Cases => GrowthBookCases.Rows("urlRedirect");

    /// <summary>Runs one case: [name, context with experiments, expected redirects].</summary>
    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Find_GrowthBookCase_MatchesExpected(string section, int index, string name)
    {
        var item = GrowthBookCases.Get(section, index);
        var context = ConformanceContext.Create(item[1]);
        var experiments = item[1].GetProperty("experiments").EnumerateArray()
            .Select(e => ExperimentDefinition.Parse(e, ConformanceContext.Options)).ToList();

        var actual = UrlRedirects.Find(experiments, context);

        var expected = item[2].EnumerateArray().FirstOrDefault();
        if (expected.ValueKind == JsonValueKind.Undefined)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.True(expected.GetProperty("inExperiment").GetBoolean() == actual.Result.InExperiment, name);
        Assert.Equal(expected.GetProperty("urlRedirect").GetString(), actual.RedirectUrl);
        Assert.Equal(expected.GetProperty("urlWithParams").GetString(), actual.UrlWithParams);
    }
}
