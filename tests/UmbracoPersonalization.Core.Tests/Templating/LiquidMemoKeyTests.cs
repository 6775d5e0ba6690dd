using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Templating;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Templating;

/// <summary>
/// The memo key read straight from the request must be the key of the built model, or no key at all: a different
/// string for the same values would only cost memo hits, but the same string for different values would show one
/// visitor another's output.
/// </summary>
public class LiquidMemoKeyTests
{
    private static readonly DateTimeOffset Evening = new(2026, 11, 3, 19, 40, 0, TimeSpan.FromHours(1));
    private static readonly ProfileOptions ProfileOptions = new();

    private static VisitorContext Visitor(string path = "/bikes?x=<b>", UtmParameters? utm = null)
    {
        var profile = new VisitorProfile
        {
            VisitorId = "v1", Visits = 2, PageViews = 5, LastSeen = Evening, FirstSeen = Evening.AddDays(-1),
            Country = "NL", Language = "nl-<x>", Device = DeviceClass.Mobile,
        };
        profile.Preferences["firstName"] = "Ann & Bob";
        profile.CategoryInterests["bikes & trails"] = new InterestScore(3, Evening);
        var request = new RequestContext { Timestamp = Evening, Path = path, Utm = utm ?? UtmParameters.None, Country = "NL", Language = "nl-<x>", Device = DeviceClass.Mobile };
        return new VisitorContext(profile, request, new ConsentState(ConsentPurposes.All)) { IsIdentified = true };
    }

    private static (LiquidRenderer Renderer, LiquidTemplateCache Cache) Renderer()
    {
        var options = new LiquidOptions { RenderTimeout = TimeSpan.FromSeconds(30) };
        var cache = new LiquidTemplateCache(new LiquidTemplateValidator(options), Options.Create(options));
        return (new LiquidRenderer(cache, Options.Create(options), Options.Create(ProfileOptions), NullLogger<LiquidRenderer>.Instance), cache);
    }

    private static (string? Direct, string FromModel) Keys(string template, VisitorContext context, LiquidItem? item, bool escape)
    {
        var reads = LiquidTemplateReads.Analyze(template);
        Assert.True(reads.IsMemoizable);
        var attributes = VisitorAttributes.For(context, ProfileOptions);
        var direct = LiquidMemoKey.TryWrite(context, attributes, item, reads, escape) ? LiquidMemoKey.Written() : null;
        LiquidMemoKey.Write(LiquidModel.Root(LiquidModel.Visitor(context, attributes, escape), context, attributes, item, escape), reads, escape);
        return (direct, LiquidMemoKey.Written());
    }

    [Theory]
    [InlineData("Good {{ context.greeting }}, {{ visitor.preferences.firstName }}")]
    [InlineData("{{ context.path }} {{ context.hour }} {{ context.weekday }} {{ context.month }}")]
    [InlineData("{{ context.path.size }}")] // a property of a string: the string is what is read
    [InlineData("{{ context.utm.source }} / {{ context.utm.campaign }}")]
    [InlineData("{{ item.name }} at {{ item.url }}")]
    [InlineData("{{ visitor }}")] // the whole visitor object, which the request has built anyway
    [InlineData("{{ visitor.nope }} {% if visitor.visits > 1 %}again{% endif %}")]
    [InlineData("{{ visitor.visits }} {{ visitor.pageViews }} {{ visitor.stage }} {{ visitor.isReturning }}")]
    [InlineData("{{ visitor.country }} {{ visitor.language }} {{ visitor.device }} {{ visitor.topInterest }}")]
    [InlineData("{{ visitor.visits.size }} {{ visitor.preferences.firstName.size }}")] // past a value: the value is read
    [InlineData("{{ visitor.preferences }} {{ visitor.preferences.nope }}")] // the whole preferences object
    [InlineData("{{ visitor.preferences.FIRSTNAME }}")] // keys match as the model's keys do
    public void ReadFromTheRequest_IsTheKeyOfTheBuiltModel(string template)
    {
        var item = new LiquidItem("Trail <shoes>", "/shoes?a=1&b=2");
        var utm = new UtmParameters(Source: "news\"letter", Campaign: "autumn");
        foreach (var escape in new[] { true, false })
        {
            var (direct, fromModel) = Keys(template, Visitor(utm: utm), item, escape);

            Assert.Equal(fromModel, direct);
        }
    }

    [Theory]
    [InlineData("{{ context }}")]
    [InlineData("{{ context.nope }}")]
    [InlineData("{{ context.utm }}")]
    [InlineData("{{ context.utm.term }}")] // not set: the path stops at the utm object
    [InlineData("{{ item }}")]
    [InlineData("{{ item.nope }}")]
    public void AWholeObjectOtherThanTheVisitor_IsLeftToTheBuiltModel(string template)
    {
        var (direct, fromModel) = Keys(template, Visitor(utm: new UtmParameters(Source: "news")), new LiquidItem("a", "/a"), escape: true);

        Assert.Null(direct);
        Assert.StartsWith("h|", fromModel, StringComparison.Ordinal);
    }

    [Fact]
    public void AnItemReadWithoutAnItem_IsLeftToTheBuiltModel()
    {
        var (direct, _) = Keys("{{ item.name }}", Visitor(), item: null, escape: true);

        Assert.Null(direct);
    }

    [Fact]
    public void EscapedAndPlainValues_GiveDifferentKeys()
    {
        var (html, _) = Keys("{{ context.path }}", Visitor(path: "/a<b"), null, escape: true);
        var (text, _) = Keys("{{ context.path }}", Visitor(path: "/a<b"), null, escape: false);
        var (other, _) = Keys("{{ context.path }}", Visitor(path: "/a&lt;b"), null, escape: false);

        Assert.NotNull(html);
        Assert.NotEqual(html, text);
        Assert.NotEqual(text, other);
    }

    [Fact]
    public void TheRenderer_RemembersAnItemTemplatePerItem()
    {
        var (renderer, cache) = Renderer();
        const string template = "<a href=\"{{ item.url }}\">{{ item.name }}</a> {{ context.utm.source }}";
        var context = Visitor(utm: new UtmParameters(Source: "news"));

        var shoes = renderer.Render(template, context, item: new LiquidItem("Shoes", "/shoes"));
        var tents = renderer.Render(template, context, item: new LiquidItem("Tents & more", "/tents"));
        var again = renderer.Render(template, context, item: new LiquidItem("Shoes", "/shoes"));

        Assert.Equal("<a href=\"/shoes\">Shoes</a> news", shoes.Html);
        Assert.Equal("<a href=\"/tents\">Tents &amp; more</a> news", tents.Html);
        Assert.Equal(shoes.Html, again.Html);
        Assert.Equal(2, cache.Get(template).Outputs.Count);
    }

    [Fact]
    public void AMemoHitOnVisitorValues_BuildsNoVisitorModel()
    {
        var (renderer, _) = Renderer();
        const string template = "Hi {{ visitor.preferences.firstName }}, visit {{ visitor.visits }} from {{ visitor.country }}";

        var first = renderer.Render(template, Visitor());
        var next = Visitor(); // the next request: a new context, the same values
        var again = renderer.Render(template, next);

        Assert.Equal("Hi Ann &amp; Bob, visit 2 from NL", first.Html);
        Assert.Equal(first.Html, again.Html);
        var unbuilt = new DotLiquid.Hash();
        Assert.Same(unbuilt, next.Cache.GetOrAddHtmlModel(unbuilt, static h => h)); // nothing was cached before
    }

    [Fact]
    public void TryFind_FindsTheWrittenKey_HoweverLong()
    {
        var outputs = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var context = Visitor(path: "/" + new string('p', 5000)); // beyond the buffer's first chunk
        var reads = LiquidTemplateReads.Analyze("{{ context.path }}");
        var attributes = VisitorAttributes.For(context, ProfileOptions);

        Assert.True(LiquidMemoKey.TryWrite(context, attributes, null, reads, true));
        Assert.False(LiquidMemoKey.TryFind(outputs, out _));
        outputs[LiquidMemoKey.Written()] = "long";
        Assert.True(LiquidMemoKey.TryWrite(context, attributes, null, reads, true));
        Assert.True(LiquidMemoKey.TryFind(outputs, out var found));
        Assert.Equal("long", found);

        var shortContext = Visitor(path: "/p");
        Assert.True(LiquidMemoKey.TryWrite(shortContext, VisitorAttributes.For(shortContext, ProfileOptions), null, reads, true));
        Assert.False(LiquidMemoKey.TryFind(outputs, out _));
    }
}
