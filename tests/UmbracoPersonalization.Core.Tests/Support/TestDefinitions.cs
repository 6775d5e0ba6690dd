using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Support;

/// <summary>Definitions, contexts and a wired personalizer shared by tests.</summary>
internal static class TestDefinitions
{
    public static readonly DateTimeOffset Now = new(2026, 4, 15, 9, 15, 0, TimeSpan.FromHours(2));

    public static VariantDefinition Variant(string key) => new(key, key, VariantKind.Text, $"content of {key}");

    public static SegmentDefinition[] Segments() =>
    [
        new("returning-visitors", "Returning", """{"visits": {"$gte": 2}}"""),
        new("from-newsletter", "Newsletter", """{"utm.source": "newsletter"}"""),
        new("bike-fans", "Bike fans", """{"interests.bikes": {"$gte": 3}}"""),
    ];

    public static ExperienceDefinition Hero(ExperienceExperiment? experiment = null, bool enabled = true) => new(
        "home-hero",
        "Home hero",
        [Variant("default"), Variant("welcome-back"), Variant("newsletter"), Variant("mobile"), Variant("a"), Variant("b")],
        [
            new ExperienceRule("newsletter", SegmentAlias: "from-newsletter"),
            new ExperienceRule("welcome-back", SegmentAlias: "returning-visitors"),
            new ExperienceRule("mobile", Condition: """{"device": "mobile"}"""),
        ],
        "default",
        experiment,
        enabled);

    public static DefinitionSet Set(params ExperienceDefinition[] experiences) =>
        new(Segments(), experiences.Length == 0 ? [Hero()] : experiences, 1);

    public static (Personalizer Personalizer, DefinitionSnapshotHolder Holder, SegmentEvaluator Segments) Personalizer(DefinitionSet? set = null)
    {
        var holder = new DefinitionSnapshotHolder();
        holder.Update(set ?? Set());
        var segments = new SegmentEvaluator(holder, Options.Create(new ProfileOptions()));
        return (new Personalizer(holder, segments, NullLogger<Personalizer>.Instance), holder, segments);
    }

    public static VisitorContext Context(
        int visits = 1,
        string? utmSource = null,
        DeviceClass device = DeviceClass.Desktop,
        string visitorId = "visitor-1",
        bool identified = true,
        ConsentPurposes consent = ConsentPurposes.All,
        string? preview = null)
    {
        var profile = new VisitorProfile
        {
            VisitorId = visitorId,
            Visits = visits,
            FirstSeen = Now.AddDays(-1),
            LastSeen = Now.AddHours(-1),
        };
        var request = new RequestContext
        {
            Timestamp = Now,
            Device = device,
            Utm = new UtmParameters(utmSource),
            Path = "/",
        };
        return new VisitorContext(profile, request, new ConsentState(consent)) { IsIdentified = identified, PreviewSegment = preview };
    }
}
