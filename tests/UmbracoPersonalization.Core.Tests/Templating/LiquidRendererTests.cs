using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Templating;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Templating;

public class LiquidRendererTests
{
    private static readonly DateTimeOffset Morning = new(2026, 4, 15, 9, 15, 0, TimeSpan.FromHours(2));

    // The render timeout has a test of its own; every other test gets a generous one, so that a loaded machine
    // (a cold JIT, a busy CI) cannot turn a correct render into its fallback.
    private static readonly TimeSpan GenerousTimeout = TimeSpan.FromSeconds(30);

    private static LiquidRenderer Renderer(LiquidOptions? options = null)
    {
        options ??= new LiquidOptions { RenderTimeout = GenerousTimeout };
        var cache = new LiquidTemplateCache(new LiquidTemplateValidator(options), Options.Create(options));
        return new LiquidRenderer(cache, Options.Create(options), Options.Create(new ProfileOptions()), NullLogger<LiquidRenderer>.Instance);
    }

    private static VisitorContext Context(string firstName = "Ann", DateTimeOffset? at = null)
    {
        var profile = new VisitorProfile { VisitorId = "v1", Visits = 3, PageViews = 7, LastSeen = Morning, FirstSeen = Morning.AddDays(-3), Country = "NL" };
        profile.Preferences["firstName"] = firstName;
        profile.CategoryInterests["bikes"] = new InterestScore(2, Morning);
        var request = new RequestContext { Timestamp = at ?? Morning, Path = "/bikes", Utm = new UtmParameters("newsletter", Campaign: "spring") };
        return new VisitorContext(profile, request, new ConsentState(ConsentPurposes.All)) { IsIdentified = true };
    }

    [Fact]
    public void Render_Greeting_UsesVisitorAndContext()
    {
        var result = Renderer().Render(
            "Good {{ context.greeting }}, {{ visitor.preferences.firstName }}! Visit {{ visitor.visits }}, {{ visitor.stage }}, {{ visitor.topInterest }}, {{ context.utm.campaign }}, {{ context.path }}, {{ visitor.country }}",
            Context());

        Assert.False(result.IsFallback, result.Error);
        Assert.Equal("Good morning, Ann! Visit 3, engaged, bikes, spring, /bikes, NL", result.Html);
    }

    [Theory]
    [InlineData(4, "evening")]
    [InlineData(5, "morning")]
    [InlineData(12, "afternoon")]
    [InlineData(18, "evening")]
    public void Render_Greeting_DependsOnHour(int hour, string expected)
    {
        var at = new DateTimeOffset(2026, 4, 15, hour, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(expected, Renderer().Render("{{ context.greeting }}", Context(at: at)).Html);
    }

    [Fact]
    public void Render_ScriptInPreference_IsEscapedInHtmlMode()
    {
        var result = Renderer().Render("<p>Hi {{ visitor.preferences.firstName }}</p>", Context("<script>alert(1)</script>"));
        Assert.Equal("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>", result.Html);
    }

    [Fact]
    public void Render_TextMode_EscapesEverything()
    {
        var result = Renderer().Render("<b>{{ visitor.preferences.firstName }}</b>", Context("<i>"), LiquidOutputMode.Text);
        Assert.Equal("&lt;b&gt;&lt;i&gt;&lt;/b&gt;", result.Html);
    }

    [Theory]
    [InlineData("{{ visitor.Profile }}{{ visitor.GetType }}{{ context.Request }}{{ visitor.preferences.Keys }}")]
    [InlineData("{{ visitor.VisitorId }}{{ visitor.profile.visitorId }}{{ item.name }}")]
    public void Render_ForbiddenMemberAccess_RendersNothing(string template)
    {
        var result = Renderer().Render(template, Context());
        Assert.False(result.IsFallback, result.Error);
        Assert.Equal(string.Empty, result.Html);
    }

    [Fact]
    public void Render_Item_IsExposedAndEscaped()
    {
        var result = Renderer().Render("<a href=\"{{ item.url }}\">{{ item.name }}</a>", Context(), item: new LiquidItem("Bikes & \"more\"", "/bikes?a=1&b=2"));
        Assert.Equal("<a href=\"/bikes?a=1&amp;b=2\">Bikes &amp; &quot;more&quot;</a>", result.Html);
    }

    [Fact]
    public void Render_AssignDoesNotLeakIntoNextRender()
    {
        var renderer = Renderer();
        var context = Context();
        renderer.Render("{% assign visitor = 'hacked' %}", context);
        Assert.Equal("3", renderer.Render("{{ visitor.visits }}", context).Html);
    }

    [Fact]
    public void Render_LoopOverIterationLimit_RendersFallback()
    {
        var result = Renderer(new LiquidOptions { RenderTimeout = GenerousTimeout, MaxIterations = 10 }).Render("{% for i in (1..11) %}x{% endfor %}", Context(), fallback: "Hello");
        Assert.True(result.IsFallback);
        Assert.Equal("Hello", result.Html);
        Assert.Contains("iterations", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SlowTemplate_TimesOutToFallback()
    {
        var options = new LiquidOptions { MaxIterations = 1000, RenderTimeout = TimeSpan.FromMilliseconds(1) };
        var template = "{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}";

        var result = Renderer(options).Render(template, Context(), fallback: "slow");

        Assert.True(result.IsFallback);
        Assert.Equal("slow", result.Html);
        Assert.StartsWith("TimeoutException", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OutputOverCap_RendersFallback()
    {
        var options = new LiquidOptions { RenderTimeout = GenerousTimeout, MaxOutputLength = 100 };
        var result = Renderer(options).Render("{% for i in (1..101) %}x{% endfor %}", Context(), fallback: "short");
        Assert.True(result.IsFallback);
        Assert.Contains("100 characters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InvalidTemplate_RendersEscapedFallbackInTextMode()
    {
        var result = Renderer().Render("{% include 'x' %}", Context(), LiquidOutputMode.Text, "<fallback>");
        Assert.True(result.IsFallback);
        Assert.Equal("&lt;fallback&gt;", result.Html);
        Assert.Equal("The tag 'include' is not allowed.", result.Error);
    }

    [Fact]
    public void Render_NullArguments_RenderFallback()
    {
        Assert.True(Renderer().Render(null!, Context()).IsFallback);
        Assert.True(Renderer().Render("x", null!).IsFallback);
    }

    [Fact]
    public void RenderVariant_Template_UsesFallbackProperty()
    {
        var variant = new VariantDefinition("v", "V", VariantKind.Text, "{% for i in (1..5000) %}x{% endfor %}", true, new Dictionary<string, string> { ["fallback"] = "Welcome!" });
        var result = Renderer().RenderVariant(variant, Context());
        Assert.Equal("Welcome!", result.Html);
        Assert.True(result.IsFallback);
    }

    [Theory]
    [InlineData(VariantKind.Html, "<b>Hi</b>", "<b>Hi</b>")]
    [InlineData(VariantKind.Text, "<b>Hi</b>", "&lt;b&gt;Hi&lt;/b&gt;")]
    public void RenderVariant_PlainContent_KeepsHtmlOrEscapesText(VariantKind kind, string content, string expected)
    {
        var result = Renderer().RenderVariant(new VariantDefinition("v", "V", kind, content), Context());
        Assert.Equal(expected, result.Html);
    }

    [Fact]
    public async Task Render_ConcurrentRenders_AreIndependent()
    {
        var renderer = Renderer();
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            renderer.Render("{% assign n = visitor.preferences.firstName %}{{ n }}", Context($"name{i}")).Html)));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"name{i}"), results);
    }
}
