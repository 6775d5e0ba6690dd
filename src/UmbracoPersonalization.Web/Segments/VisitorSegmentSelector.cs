using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Segments;

/// <inheritdoc />
internal sealed class VisitorSegmentSelector(
    IVisitorContextAccessor visitors,
    SegmentEvaluator evaluator,
    IDefinitionSnapshotProvider snapshots) : IVisitorSegmentSelector
{
    private static readonly object CacheKey = new();
    private readonly ConditionalWeakTable<CompiledSegment, SegmentSelection> _onlySegment = new();

    public SegmentSelection Select(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        // A personalized request keeps its selection on its own feature: no request-items dictionary to create and
        // hash into, and no trip through the ambient HTTP context accessor for the request already in hand.
        if (httpContext.Features.Get<PersonalizationFeature>() is { } feature)
        {
            return feature.SegmentSelection ??= Select(feature.VisitorContext);
        }

        if (httpContext.Items.TryGetValue(CacheKey, out var cached) && cached is SegmentSelection selection)
        {
            return selection;
        }

        selection = visitors.VisitorContext is { } context ? Select(context) : SegmentSelection.None("personalization is not running for this request");
        httpContext.Items[CacheKey] = selection;
        return selection;
    }

    /// <summary>Chooses among the visitor's segments; pure over the context and the current definitions.</summary>
    internal SegmentSelection Select(VisitorContext context)
    {
        if (context.Profile.PersonalizationPaused && context.PreviewSegment is null)
        {
            return SegmentSelection.None("personalization paused by the visitor: default segment");
        }

        var snapshot = snapshots.Current;
        var members = evaluator.GetSegments(context);
        if (members.Count == 0)
        {
            return SegmentSelection.None("in no segment: default segment");
        }

        if (members.Count == 1 && snapshot.TryGetSegment(members[0], out var only))
        {
            // The usual case: no ordering; and outside a preview, the same selection for every visitor in only this
            // segment, made once per compiled segment (a new definitions snapshot compiles new ones).
            return context.PreviewSegment is not null
                ? new SegmentSelection(only.Alias, members, Reason(context, only, members))
                : _onlySegment.GetValue(only, static segment => new SegmentSelection(segment.Alias, [segment.Alias], $"only segment: {segment.Alias}"));
        }

        var ordered = new List<CompiledSegment>(members.Count);
        foreach (var alias in members)
        {
            if (snapshot.TryGetSegment(alias, out var segment))
            {
                ordered.Add(segment);
            }
        }

        if (ordered.Count == 0)
        {
            return SegmentSelection.None("in no segment: default segment");
        }

        // Highest priority first; among equals, the order of definition (indexes are unique, so the order is total).
        ordered.Sort(static (a, b) => a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority) : a.Index.CompareTo(b.Index));
        var winner = ordered[0];
        var aliases = new string[ordered.Count];
        for (var i = 0; i < aliases.Length; i++)
        {
            aliases[i] = ordered[i].Alias;
        }

        return new SegmentSelection(winner.Alias, aliases, Reason(context, winner, aliases));
    }

    private static string Reason(VisitorContext context, CompiledSegment winner, IReadOnlyList<string> aliases) =>
        context.PreviewSegment is not null
            ? $"preview of segment {winner.Alias}"
            : aliases.Count == 1
                ? $"only segment: {winner.Alias}"
                : $"highest priority ({winner.Priority}) of {aliases.Count} segments: {string.Join(", ", aliases)}";
}
