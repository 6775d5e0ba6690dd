using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Templating;

namespace UmbracoPersonalization.Core.Tests.Templating;

public class LiquidTemplateCacheTests
{
    private static LiquidTemplateCache Cache(int capacity = 10)
    {
        var options = new LiquidOptions { MaxCachedTemplates = capacity };
        return new LiquidTemplateCache(new LiquidTemplateValidator(options), Options.Create(options));
    }

    [Fact]
    public void Get_SameSource_ParsesOnce()
    {
        var cache = Cache();
        Assert.Same(cache.Get("Hi {{ visitor.visits }}"), cache.Get("Hi {{ visitor.visits }}"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Get_InvalidSource_CachesTheError()
    {
        var cache = Cache();
        var entry = cache.Get("{% include 'x' %}");
        Assert.Null(entry.Template);
        Assert.Same(entry, cache.Get("{% include 'x' %}"));
        Assert.False(cache.Validate("{% include 'x' %}").IsValid);
    }

    [Fact]
    public void Get_OverCapacity_StaysBounded()
    {
        var cache = Cache(capacity: 3);
        for (var i = 0; i < 10; i++)
        {
            cache.Get($"template {i}");
        }

        Assert.InRange(cache.Count, 1, 3);
    }
}
