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

    /// <summary>
    /// Whether the visitor is in the segment with <paramref name="segmentAlias"/> right now, for showing content; never
    /// while the visitor has paused personalization (unless an editor previews a segment), so segment-gated content
    /// falls back to what a visitor in no segment sees, like every placement does.
    /// </summary>
    bool IsInSegment(string segmentAlias, VisitorContext context);
}
