using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Definitions;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>
/// Temporary stand-in for the core personalizer until the core branch lands: understands only the two test
/// segments' conditions. Replace with the core registration once merged.
/// </summary>
public sealed class StandInPersonalizer(LoadedDefinitions definitions) : IPersonalizer
{
    public Decision Decide(string placement, VisitorContext context)
    {
        var experience = definitions.Current.Experiences.FirstOrDefault(e => e.Placement == placement);
        if (experience is null)
        {
            return new Decision(placement, null, [new DecisionReason(DecisionReasonKind.Fallback, "unknown placement")], true);
        }

        foreach (var rule in experience.Rules)
        {
            if (rule.SegmentAlias is { } alias && IsInSegment(alias, context))
            {
                return new Decision(placement, experience.Variants.First(v => v.Key == rule.VariantKey),
                    [new DecisionReason(DecisionReasonKind.RuleMatched, $"segment {alias} -- matched")], false);
            }
        }

        return new Decision(placement, experience.Variants.First(v => v.Key == experience.DefaultVariantKey),
            [new DecisionReason(DecisionReasonKind.Fallback, "no rule matched")], true);
    }

    public bool IsInSegment(string segmentAlias, VisitorContext context) => context.PreviewSegment is { } preview
        ? preview == segmentAlias
        : segmentAlias switch
        {
            TestDefinitions.SpringSegment => context.Request.Utm.Campaign == "spring",
            "identified-visitors" => context.IsIdentified,
            _ => false,
        };
}
