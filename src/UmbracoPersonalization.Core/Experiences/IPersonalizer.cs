using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Experiences;

/// <summary>Decides what a visitor sees. Pure in-memory work over the current definitions snapshot: no I/O.</summary>
public interface IPersonalizer
{
    /// <summary>
    /// Decides the variant for <paramref name="placement"/>. Never throws for an unknown placement or a failure:
    /// returns the default (or no variant for an unknown placement) with a <see cref="DecisionReasonKind.Fallback"/> reason.
    /// </summary>
    Decision Decide(string placement, VisitorContext context);

    /// <summary>Whether the visitor is in the segment with <paramref name="segmentAlias"/> right now.</summary>
    bool IsInSegment(string segmentAlias, VisitorContext context);
}
