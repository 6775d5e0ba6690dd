using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;

namespace UmbracoPersonalization.Site.Seeding;

/// <summary>
/// The demo's segments and experiences, saved on first start when the definition store is empty.
/// Conditions use the visitor attributes documented in README "Attributes".
/// </summary>
public static class SeedDefinitions
{
    /// <summary>Interest at which a visitor counts as a fan of a category: about three recent page views.</summary>
    public const double FanInterest = 2.5;

    /// <summary>The activity categories of the shop.</summary>
    public static readonly IReadOnlyList<string> Categories = ["bikes", "running", "camping"];

    /// <summary>The demo segments.</summary>
    public static IReadOnlyList<SegmentDefinition> Segments { get; } =
    [
        new("spring-campaign", "Spring campaign", """{"utm.campaign": {"$regex": "^spring"}}""", 30,
            "Arrived from a spring campaign link (utm_campaign=spring…)."),
        .. Categories.Select(c => new SegmentDefinition(
            $"{c}-fans",
            $"{char.ToUpperInvariant(c[0])}{c[1..]} fans",
            FanCondition(c),
            20,
            $"Picked {c} as a topic, or {c} is what you looked at most recently (about three page views).")),
        new("returning-visitors", "Returning visitors", """{"visits": {"$gte": 2}}""", 10,
            "Second visit or later."),
        new("new-visitors", "New visitors", """{"visits": {"$lt": 2}}""", 0,
            "First visit (also every visitor who has not consented)."),
    ];

    /// <summary>
    /// A fan of <paramref name="category"/>: it is the visitor's top interest (a picked topic outranks anything
    /// inferred, so one fan segment at most) and the visitor either picked it or viewed it about three times recently.
    /// </summary>
    private static string FanCondition(string category) =>
        $$$"""{"topInterest": "{{{category}}}", "$or": [{"topics": {"$ini": ["{{{category}}}"]}}, {"interests.{{{category}}}": {"$gte": {{{FanInterest.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}}}]}""";

    /// <summary>The demo experiences.</summary>
    public static IReadOnlyList<ExperienceDefinition> Experiences { get; } = [HomeHero(), HomeCta()];

    private static ExperienceDefinition HomeHero()
    {
        VariantDefinition[] variants =
        [
            Hero("default", "Default hero", "hero--default", "Gear for every kind of outside",
                "Bikes, running kit and camping gear, chosen by people who use it.", "/journal/", "Read the journal"),
            Hero("spring", "Spring campaign hero", "hero--spring", "Spring into the season",
                "Fresh gear for longer days: 15% off bikes and running shoes until the end of May.", "/bikes/", "Shop the spring sale"),
            Hero("bikes", "Bikes hero", "hero--bikes", "Ready for your next ride?",
                "New gravel and city bikes are in, with free servicing for a year.", "/bikes/", "See the bikes"),
            Hero("running", "Running hero", "hero--running", "Find your running shoe",
                "Road or trail: our running range is picked for comfort over distance.", "/running/", "See running gear"),
            Hero("camping", "Camping hero", "hero--camping", "Sleep under the stars",
                "Light tents, warm bags and tiny stoves for your next night out.", "/camping/", "See camping gear"),
            Hero("welcome-back", "Welcome back hero", "hero--welcome", "Welcome back",
                "Good to see you again. Here is what is new since your last visit.", "/journal/", "What's new"),
        ];

        return new ExperienceDefinition(
            "home-hero",
            "Home page hero",
            variants,
            [
                new ExperienceRule("spring", SegmentAlias: "spring-campaign"),
                .. Categories.Select(c => new ExperienceRule(c, SegmentAlias: $"{c}-fans")),
                new ExperienceRule("welcome-back", SegmentAlias: "returning-visitors"),
            ],
            "default");
    }

    private static ExperienceDefinition HomeCta()
    {
        VariantDefinition[] variants =
        [
            new("greeting", "Greeting", VariantKind.CallToAction,
                "Good {{ context.greeting }}! Join the newsletter for trip ideas and first dibs on new gear.",
                IsTemplate: true,
                Properties: new Dictionary<string, string> { ["url"] = "/journal/", ["label"] = "Get trip ideas" }),
            new("welcome-back", "Welcome back", VariantKind.CallToAction,
                "Good {{ context.greeting }}, and welcome back! Pick up where you left off.",
                IsTemplate: true,
                Properties: new Dictionary<string, string> { ["url"] = "/journal/", ["label"] = "See what's new" }),
        ];

        return new ExperienceDefinition(
            "home-cta",
            "Home page call to action",
            variants,
            [new ExperienceRule("welcome-back", SegmentAlias: "returning-visitors")],
            "greeting");
    }

    private static VariantDefinition Hero(
        string key, string name, string modifier, string title, string text, string url, string label) =>
        new(key, name, VariantKind.Html,
            $"""<div class="hero {modifier}"><div class="hero__text"><h1 class="hero__title">{title}</h1><p class="hero__lead">{text}</p><a class="button button--large" href="{url}">{label}</a></div></div>""",
            Properties: new Dictionary<string, string> { ["title"] = title });
}
