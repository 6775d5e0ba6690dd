using System.Globalization;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>A realistic site: 100 segments and 10 placements with rules and experiments.</summary>
internal static class BenchmarkData
{
    public static readonly DateTimeOffset Now = new(2026, 4, 15, 9, 15, 0, TimeSpan.FromHours(2));

    public static readonly string[] Placements = Enumerable.Range(0, 10).Select(i => $"placement-{i}").ToArray();

    public static DefinitionSet Definitions()
    {
        var segments = new SegmentDefinition[100];
        for (var i = 0; i < segments.Length; i++)
        {
            var n = Format(i);
            var condition = (i % 5) switch
            {
                0 => "{\"visits\": {\"$gte\": " + Format(i % 7 + 2) + "}}",
                1 => "{\"utm.source\": {\"$in\": [\"newsletter-" + n + "\", \"ads-" + n + "\"]}}",
                2 => "{\"interests.category-" + Format(i % 10) + "\": {\"$gt\": " + Format(i % 4) + "}}",
                3 => """{"$and": [{"country": {"$in": ["NL", "BE", "DE"]}}, {"device": "mobile"}, {"stage": {"$ne": "lapsed"}}]}""",
                _ => "{\"$or\": [{\"path\": {\"$regex\": \"^/shop/" + n + "\"}}, {\"memberGroups\": {\"$elemMatch\": {\"$eq\": \"group-" + n + "\"}}}]}",
            };
            segments[i] = new SegmentDefinition($"segment-{i}", $"Segment {i}", condition);
        }

        var experiences = new ExperienceDefinition[Placements.Length];
        for (var p = 0; p < experiences.Length; p++)
        {
            var variants = Enumerable.Range(0, 6).Select(v => new VariantDefinition($"v{v}", $"Variant {v}", VariantKind.Text, $"Content {v}")).ToArray();
            var rules = Enumerable.Range(0, 8)
                .Select(r => new ExperienceRule($"v{r % 4 + 1}", SegmentAlias: $"segment-{(p * 13 + r * 7) % 100}"))
                .Append(new ExperienceRule("v5", Condition: """{"query.promo": "yes"}"""))
                .ToArray();
            var experiment = p % 2 == 0 ? new ExperienceExperiment($"experiment-{p}", ["v0", "v1", "v2"]) : null;
            experiences[p] = new ExperienceDefinition(Placements[p], $"Placement {p}", variants, rules, "v0", experiment);
        }

        return new DefinitionSet(segments, experiences, 1);
    }

    public static VisitorProfile Profile()
    {
        var profile = new VisitorProfile
        {
            VisitorId = "5f1c2a0e-visitor",
            FirstSeen = Now.AddDays(-20),
            LastSeen = Now.AddHours(-3),
            Visits = 3,
            PageViews = 17,
            Device = DeviceClass.Desktop,
            Country = "NL",
            LastUtm = new UtmParameters("facebook", "social", "spring"),
        };
        for (var i = 0; i < 10; i++)
        {
            profile.CategoryInterests[$"category-{i}"] = new InterestScore(i * 0.5, Now.AddDays(-i));
        }

        profile.Preferences["firstName"] = "Ann";
        return profile;
    }

    public static RequestContext Request() => new()
    {
        Url = "https://example.com/blog/spring?utm_source=facebook",
        Path = "/blog/spring",
        Timestamp = Now,
        Device = DeviceClass.Desktop,
        Language = "nl-NL",
        Country = "NL",
        Categories = ["category-1"],
        Tags = ["spring"],
    };

    public static VisitorContext Context(VisitorProfile profile, RequestContext request) =>
        new(profile, request, new ConsentState(ConsentPurposes.All)) { IsIdentified = true };

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
