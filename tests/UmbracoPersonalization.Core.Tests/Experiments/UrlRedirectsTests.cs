using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Experiments;

namespace UmbracoPersonalization.Core.Tests.Experiments;

/// <summary>Tests <see cref="UrlRedirects"/>.</summary>
public class UrlRedirectsTests
{
    [Theory]
    [InlineData("https://shop.example/landing", true)]
    [InlineData("https://shop.example/landing/?utm=x", true)]
    [InlineData("https://shop.example/other", false)]
    [InlineData("https://shop.example/landing/admin", false)]
    public void Find_SimpleWildcardPatterns_TargetsUrl(string url, bool redirected)
    {
        var experiment = ExperimentDefinition.Parse("""
            {"key": "lp", "variations": [{"urlRedirect": "https://shop.example/new"}, {"urlRedirect": "https://shop.example/new"}],
             "urlPatterns": [{"type": "simple", "pattern": "shop.example/landing*", "include": true},
                             {"type": "simple", "pattern": "*/admin", "include": false}]}
            """);
        var context = new EvaluationContext { Attributes = new AttributeDictionary().Set("id", AttributeValue.From("v1")), Url = url };

        Assert.Equal(redirected, UrlRedirects.Find([experiment], context) is not null);
    }
}
