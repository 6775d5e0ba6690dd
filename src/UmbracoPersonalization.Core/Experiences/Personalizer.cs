using Microsoft.Extensions.Logging;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Experiences;

/// <summary>
/// Decides variants over the current <see cref="DefinitionSnapshot"/>: ordered rules (first match wins), then the
/// experiment, then the default, with a reason for every step. Memberships and attributes are computed once per request
/// and shared by every placement; decisions are precomputed, so a steady-state decision allocates nothing. Never throws.
/// </summary>
public sealed partial class Personalizer : IPersonalizer
{
    private readonly IDefinitionSnapshotProvider _snapshots;
    private readonly SegmentEvaluator _segments;
    private readonly ILogger<Personalizer> _logger;

    /// <summary>Creates a personalizer.</summary>
    /// <param name="snapshots">The current definitions.</param>
    /// <param name="segments">Segment memberships of a request.</param>
    /// <param name="logger">Logs failures (a decision that fell back because of an error).</param>
    public Personalizer(IDefinitionSnapshotProvider snapshots, SegmentEvaluator segments, ILogger<Personalizer> logger)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(logger);
        _snapshots = snapshots;
        _segments = segments;
        _logger = logger;
    }

    /// <inheritdoc />
    public Decision Decide(string placement, VisitorContext context)
    {
        placement ??= string.Empty;
        CompiledExperience? experience = null;
        try
        {
            ArgumentNullException.ThrowIfNull(context);
            var snapshot = _snapshots.Current;
            if (!snapshot.TryGetExperience(placement, out experience))
            {
                return UnknownPlacement(placement);
            }

            if (context.Profile.PersonalizationPaused && context.PreviewSegment is null)
            {
                return experience.Paused();
            }

            var memberships = _segments.GetState(context, snapshot);
            return experience.Decide(context, memberships, _segments.GetAttributes(context));
        }
        catch (Exception exception)
        {
            LogDecisionFailed(_logger, exception, placement);
            return experience?.Failed(exception) ?? new Decision(
                placement,
                null,
                [new DecisionReason(DecisionReasonKind.Fallback, $"fallback: error while deciding ({exception.GetType().Name}: {exception.Message}); no variant")],
                true);
        }
    }

    /// <inheritdoc />
    public bool IsInSegment(string segmentAlias, VisitorContext context)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(context);
            return (!context.Profile.PersonalizationPaused || context.PreviewSegment is not null)
                && _segments.IsInSegment(segmentAlias, context);
        }
        catch (Exception exception)
        {
            LogSegmentFailed(_logger, exception, segmentAlias);
            return false;
        }
    }

    private static Decision UnknownPlacement(string placement) =>
        new(placement, null, [new DecisionReason(DecisionReasonKind.Fallback, $"fallback: unknown placement '{placement}'; no variant")], true);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Deciding placement {Placement} failed; the default variant is shown.")]
    private static partial void LogDecisionFailed(ILogger logger, Exception exception, string placement);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Evaluating segment {Segment} failed; treated as not matched.")]
    private static partial void LogSegmentFailed(ILogger logger, Exception exception, string? segment);
}
