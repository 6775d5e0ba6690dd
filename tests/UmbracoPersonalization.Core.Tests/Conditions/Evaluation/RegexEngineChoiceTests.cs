using System.Text.RegularExpressions;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Conditions.Evaluation;

namespace UmbracoPersonalization.Core.Tests.Conditions.Evaluation;

/// <summary>Tests which regex engine <c>$regex</c> conditions get, and that the choice does not change answers.</summary>
public sealed class RegexEngineChoiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    [Theory]
    [InlineData("^/products/")]
    [InlineData(@"^\d+\.\d+(\.\d+)?$")]
    [InlineData("(?i)chrome|firefox")]
    [InlineData("^(a+)+$")]
    [InlineData("[^@]+@example\\.com$")]
    public void CreateRegex_PatternWithoutBacktrackingConstructs_UsesTheLinearEngineWithoutTimeout(string pattern)
    {
        var regex = ConditionCompiler.CreateRegex(pattern, RegexOptions.CultureInvariant, Timeout);

        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
    }

    [Theory]
    [InlineData(@"(a)\1")]
    [InlineData("foo(?=bar)")]
    [InlineData("(?<!x)y")]
    [InlineData("(?>a+)b")]
    [InlineData("(?(a)b|c)")]
    public void CreateRegex_PatternNeedingBacktracking_FallsBackToTheTimeout(string pattern)
    {
        var regex = ConditionCompiler.CreateRegex(pattern, RegexOptions.CultureInvariant, Timeout);

        Assert.False(regex.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(Timeout, regex.MatchTimeout);
    }

    [Theory]
    [InlineData("^/products/", "/products/shoes")]
    [InlineData("^/products/", "/about/products/")]
    [InlineData(@"^\d+\.\d+(\.\d+)?$", "1.2.3")]
    [InlineData(@"^\d+\.\d+(\.\d+)?$", "1.2.3.4")]
    [InlineData("chrome|firefox", "Mozilla/5.0 Firefox/120")]
    [InlineData("CHROME", "Mozilla/5.0 Chrome/120")]
    [InlineData("^$", "")]
    [InlineData("a.c", "a\nc")]
    [InlineData("^abc$", "abc\n")]
    [InlineData(@"\bfoo\b", "a foo b")]
    [InlineData(@"\bfoo\b", "afoob")]
    [InlineData("[A-Z]{2,3}-\\d{4}", "xx AB-1234 yy")]
    [InlineData("é", "CAFÉ")]
    [InlineData("^(a+)+$", "aaaa!")]
    public void IsMatch_BothEngines_GiveTheSameAnswer(string pattern, string input)
    {
        foreach (var caseOption in new[] { RegexOptions.None, RegexOptions.IgnoreCase })
        {
            var options = RegexOptions.CultureInvariant | caseOption;
            var chosen = ConditionCompiler.CreateRegex(pattern, options, Timeout);
            var backtracking = new Regex(pattern, options, Timeout);

            Assert.Equal(backtracking.IsMatch(input), chosen.IsMatch(input));
        }
    }

    [Fact]
    public void IsMatch_PathologicalPatternNeedingBacktracking_TimesOutAsFalse()
    {
        var options = new ConditionOptions { RegexMatchTimeout = TimeSpan.FromMilliseconds(20) };
        var condition = Condition.Parse("""{"a": {"$regex": "^(?=(a+)+$)"}}""", options);
        var attributes = new AttributeDictionary().Set("a", AttributeValue.From(new string('a', 5000) + "!"));

        // The lookahead keeps this on the backtracking engine: the timeout, not the engine, bounds it.
        Assert.False(condition.IsMatch(attributes));
    }
}
