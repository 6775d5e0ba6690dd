using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Segments;

/// <summary>
/// Computes segment memberships over the current definitions. Memberships of a request are computed once
/// (lazily, per segment) and cached on its <see cref="VisitorContext"/>, shared by every placement.
/// </summary>
public sealed class SegmentEvaluator
{
    private readonly IDefinitionSnapshotProvider _snapshots;
    private readonly ProfileOptions _options;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="snapshots">The current definitions.</param>
    /// <param name="options">Profile options (for attributes).</param>
    public SegmentEvaluator(IDefinitionSnapshotProvider snapshots, IOptions<ProfileOptions> options)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(options);
        _snapshots = snapshots;
        _options = options.Value;
    }

    /// <summary>
    /// Whether the visitor is in the segment right now. An unknown alias is never matched. With an editor preview
    /// (<see cref="VisitorContext.PreviewSegment"/>) only the previewed segment matches.
    /// </summary>
    /// <param name="segmentAlias">The segment alias (case-insensitive).</param>
    /// <param name="context">The request's visitor context.</param>
    /// <returns><c>true</c> when in the segment.</returns>
    public bool IsInSegment(string segmentAlias, VisitorContext context)
    {
        ArgumentNullException.ThrowIfNull(segmentAlias);
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = _snapshots.Current;
        return snapshot.TryGetSegment(segmentAlias, out var segment) && GetState(context, snapshot).IsMember(segment.Index);
    }

    /// <summary>The aliases of every segment the visitor is in right now, in definition order.</summary>
    /// <param name="context">The request's visitor context.</param>
    /// <returns>The aliases (a new list).</returns>
    public IReadOnlyList<string> GetSegments(VisitorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var snapshot = _snapshots.Current;
        var state = GetState(context, snapshot);
        var result = new List<string>();
        foreach (var segment in snapshot.Segments)
        {
            if (state.IsMember(segment.Index))
            {
                result.Add(segment.Alias);
            }
        }

        return result;
    }

    /// <summary>Evaluates every segment over <paramref name="attributes"/>, adding the aliases matched to <paramref name="into"/>.</summary>
    /// <param name="segments">The compiled segments.</param>
    /// <param name="attributes">The attributes.</param>
    /// <param name="into">Receives the aliases of the segments matched.</param>
    public static void Evaluate(IReadOnlyList<CompiledSegment> segments, IAttributeSource attributes, ICollection<string> into)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(attributes);
        ArgumentNullException.ThrowIfNull(into);
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].IsMatch(attributes))
            {
                into.Add(segments[i].Alias);
            }
        }
    }

    /// <summary>The request's membership state for <paramref name="snapshot"/>, created once per request and snapshot.</summary>
    internal SegmentMembershipState GetState(VisitorContext context, DefinitionSnapshot snapshot)
    {
        if (context.Cache.Memberships is SegmentMembershipState state && ReferenceEquals(state.Snapshot, snapshot))
        {
            return state;
        }

        state = new SegmentMembershipState(snapshot, VisitorAttributes.For(context, _options), context.PreviewSegment);
        context.Cache.Memberships = state;
        return state;
    }

    /// <summary>The attributes of the request (cached on the context).</summary>
    internal VisitorAttributes GetAttributes(VisitorContext context) => VisitorAttributes.For(context, _options);
}
