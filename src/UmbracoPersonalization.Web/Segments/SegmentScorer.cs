using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Segments;

/// <summary>
/// Personalisation Groups' "scores": content tagged with several segments scores one point per segment the visitor is
/// in, so lists can be ordered by relevance (<c>Scorer.OrderByScore(articles, a => a.Value&lt;string[]&gt;("segments"))</c>).
/// Uses the request's memberships (computed once per request); without personalization every score is 0.
/// </summary>
public sealed class SegmentScorer
{
    private readonly IVisitorContextAccessor _visitors;
    private readonly IPersonalizer _personalizer;

    /// <summary>Creates the scorer.</summary>
    public SegmentScorer(IVisitorContextAccessor visitors, IPersonalizer personalizer)
    {
        _visitors = visitors;
        _personalizer = personalizer;
    }

    /// <summary>How many of <paramref name="segmentAliases"/> the current visitor is in (duplicates count once).</summary>
    /// <param name="segmentAliases">Segment aliases, e.g. from a content item's picker.</param>
    /// <returns>The score.</returns>
    public int Score(IEnumerable<string>? segmentAliases)
    {
        if (segmentAliases is null || _visitors.VisitorContext is not { } context
            || (context.Profile.PersonalizationPaused && context.PreviewSegment is null))
        {
            return 0;
        }

        return segmentAliases
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Count(a => _personalizer.IsInSegment(a, context));
    }

    /// <summary>The items ordered by score, highest first; equal scores keep their order.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="segmentsOf">The segment aliases of an item.</param>
    /// <returns>The ordered items.</returns>
    public IReadOnlyList<T> OrderByScore<T>(IEnumerable<T> items, Func<T, IEnumerable<string>?> segmentsOf)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(segmentsOf);
        return items.Select((item, index) => (item, index, score: Score(segmentsOf(item))))
            .OrderByDescending(x => x.score)
            .ThenBy(x => x.index)
            .Select(x => x.item)
            .ToList();
    }
}
