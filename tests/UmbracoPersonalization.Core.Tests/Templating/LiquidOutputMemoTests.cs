using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Templating;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Templating;

/// <summary>One renderer, many visitors: a memoized output must never be shown to a visitor the template would render differently.</summary>
public class LiquidOutputMemoTests
{
    private static readonly DateTimeOffset Morning = new(2026, 4, 15, 9, 15, 0, TimeSpan.FromHours(2));

    private readonly LiquidOptions _options = new() { RenderTimeout = TimeSpan.FromSeconds(30) };
    private readonly LiquidTemplateCache _cache;
    private readonly LiquidRenderer _renderer;

    public LiquidOutputMemoTests()
    {
        _cache = new LiquidTemplateCache(new LiquidTemplateValidator(_options), Options.Create(_options));
        _renderer = new LiquidRenderer(_cache, Options.Create(_options), Options.Create(new ProfileOptions()), NullLogger<LiquidRenderer>.Instance);
    }

    private static VisitorContext Visitor(string firstName = "Ann", int visits = 3, DateTimeOffset? at = null, params string[] extraPreferences)
    {
        var profile = new VisitorProfile { VisitorId = "v1", Visits = visits, PageViews = 7, LastSeen = Morning, FirstSeen = Morning.AddDays(-3) };
        profile.Preferences["firstName"] = firstName;
        foreach (var key in extraPreferences)
        {
            profile.Preferences[key] = "yes";
        }

        var request = new RequestContext { Timestamp = at ?? Morning, Path = "/bikes" };
        return new VisitorContext(profile, request, new ConsentState(ConsentPurposes.All)) { IsIdentified = true };
    }

    private string Render(string template, VisitorContext context, LiquidOutputMode mode = LiquidOutputMode.Html)
    {
        var result = _renderer.Render(template, context, mode);
        Assert.False(result.IsFallback, result.Error);
        return result.Html;
    }

    private int Memoized(string template) => _cache.Get(template).Outputs.Count;

    [Fact]
    public void DifferentValuesOfWhatTheTemplateReads_RenderDifferently_AndAreRememberedApart()
    {
        const string template = "Hi {{ visitor.preferences.firstName }}!";

        Assert.Equal("Hi Ann!", Render(template, Visitor("Ann")));
        Assert.Equal("Hi Bob!", Render(template, Visitor("Bob")));
        Assert.Equal("Hi Ann!", Render(template, Visitor("Ann", visits: 9)));
        Assert.Equal(2, Memoized(template));
    }

    [Fact]
    public void AVisitorWhoLooksTheSameToTheTemplate_GetsTheRememberedOutput()
    {
        const string template = "Hi {{ visitor.preferences.firstName }}!";
        Render(template, Visitor("Ann"));
        var entry = Assert.Single(_cache.Get(template).Outputs);

        // Mark the remembered output: a later render that returns the mark did not render the template again.
        _cache.Get(template).Outputs[entry.Key] = "remembered";

        Assert.Equal("remembered", Render(template, Visitor("Ann", visits: 12)));
        Assert.Equal("Hi Bob!", Render(template, Visitor("Bob")));
    }

    [Theory]
    [InlineData("{{ visitor.preferences.size }}")] // a property of the object, not a key: the whole object is read
    [InlineData("{% assign p = visitor.preferences %}{{ p.size }}")]
    [InlineData("{% for p in visitor.preferences %}x{% endfor %}")]
    public void ReadingAWholeObject_DependsOnAllOfIt(string template)
    {
        var one = Render(template, Visitor());
        var two = Render(template, Visitor(extraPreferences: "newsletter"));

        Assert.NotEqual(one, two);
    }

    [Theory]
    [InlineData("{% assign v = visitor %}{{ v.visits }}")]
    [InlineData("{{ visitor['visits'] }}")]
    [InlineData("{% if visitor.visits > 3 %}back{% else %}new{% endif %}")]
    public void IndirectReads_AreStillReads(string template)
    {
        var three = Render(template, Visitor(visits: 3));
        var four = Render(template, Visitor(visits: 4));

        Assert.NotEqual(three, four);
    }

    [Fact]
    public void TheTimeOfTheRequest_IsPartOfTheKey()
    {
        const string template = "Good {{ context.greeting }}";

        Assert.Equal("Good morning", Render(template, Visitor(at: Morning)));
        Assert.Equal("Good afternoon", Render(template, Visitor(at: Morning.AddHours(6))));
    }

    [Fact]
    public void HtmlAndTextModes_AreRememberedApart()
    {
        const string template = "<b>{{ visitor.preferences.firstName }}</b>";

        Assert.Equal("<b>Ann</b>", Render(template, Visitor(), LiquidOutputMode.Html));
        Assert.Equal("&lt;b&gt;Ann&lt;/b&gt;", Render(template, Visitor(), LiquidOutputMode.Text));
        Assert.Equal("<b>Ann</b>", Render(template, Visitor(), LiquidOutputMode.Html));
    }

    [Theory]
    [InlineData("{{ 'now' | date: '%Y' }}")]
    [InlineData("{{ \"today\" | date: '%d' }}")]
    public void TemplatesThatReadTheClock_AreNeverMemoized(string template)
    {
        Render(template, Visitor());

        Assert.False(LiquidTemplateReads.Analyze(template).IsMemoizable);
        Assert.Equal(0, Memoized(template));
    }

    [Theory]
    [InlineData("<p>Hi {{ Visitor.preferences.firstName }}</p>")]
    [InlineData("{% assign r = \"visiXtor\" | remove: \"X\" %}<p>Hi {{ [r].preferences.firstName }}</p>")]
    public void TemplatesThatCanReachTheVisitorUnseen_AreNeverMemoized_SoNobodyGetsAnothersOutput(string template)
    {
        Render(template, Visitor("Ann"));

        Assert.DoesNotContain("Ann", Render(template, Visitor("Bob")), StringComparison.Ordinal);
        Assert.False(LiquidTemplateReads.Analyze(template).IsMemoizable);
        Assert.Equal(0, Memoized(template));
    }

    [Fact]
    public void Analyze_AReadAfterAQuotedClosingMark_IsFound()
    {
        var reads = LiquidTemplateReads.Analyze("{% if \"%}\" == visitor.country %}NL{% endif %}{{ \"}}\" | append: context.path }}");

        Assert.True(reads.IsMemoizable);
        Assert.Equal(["visitor.country", "context.path"], reads.Paths.Select(p => string.Join('.', p)));
    }

    [Fact]
    public void MemoizeOutputOff_RemembersNothing()
    {
        _options.MemoizeOutput = false;

        Assert.Equal("Hi Ann", Render("Hi {{ visitor.preferences.firstName }}", Visitor()));
        Assert.Equal(0, Memoized("Hi {{ visitor.preferences.firstName }}"));
    }

    [Fact]
    public void TheMemo_IsBoundedPerTemplate()
    {
        _options.MaxMemoizedOutputs = 2;
        const string template = "{{ visitor.preferences.firstName }}";

        foreach (var name in new[] { "Ann", "Bob", "Cy", "Di", "Ed" })
        {
            Assert.Equal(name, Render(template, Visitor(name)));
            Assert.InRange(Memoized(template), 1, 2);
        }
    }

    [Fact]
    public void Analyze_FindsReadsInTagsAndOutputsOnly()
    {
        var reads = LiquidTemplateReads.Analyze(
            "Dear visitor, {{ visitor.preferences.firstName }} {% if context.hour > 3 and x.visitor %}{{ myvisitor }}{{ item.name }}{% endif %}");

        Assert.True(reads.IsMemoizable);
        Assert.Equal(
            ["visitor.preferences.firstName", "context.hour", "item.name"],
            reads.Paths.Select(p => string.Join('.', p)));
    }
}
