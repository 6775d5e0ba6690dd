using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Segments;

/// <summary>
/// One request's segment memberships for one snapshot, evaluated lazily (a segment no rule asks about is never
/// evaluated) and cached on the <see cref="VisitorContext"/>. Races evaluate a segment twice with the same result.
/// </summary>
internal sealed class SegmentMembershipState
{
    private const byte Unknown = 0;
    private const byte In = 1;
    private const byte Out = 2;

    private readonly byte[] _states;
    private readonly VisitorAttributes _attributes;
    private readonly int _previewIndex;

    public SegmentMembershipState(DefinitionSnapshot snapshot, VisitorAttributes attributes, string? previewSegment)
    {
        Snapshot = snapshot;
        _attributes = attributes;
        _states = snapshot.Segments.Count == 0 ? [] : new byte[snapshot.Segments.Count];
        _previewIndex = previewSegment is null ? -1 : snapshot.TryGetSegment(previewSegment, out var segment) ? segment.Index : int.MaxValue;
    }

    public DefinitionSnapshot Snapshot { get; }

    /// <summary>Whether an editor preview forces membership (only the previewed segment is "in").</summary>
    public bool IsPreview => _previewIndex >= 0;

    public bool IsMember(int index)
    {
        if (_previewIndex >= 0)
        {
            return index == _previewIndex;
        }

        var state = Volatile.Read(ref _states[index]);
        if (state == Unknown)
        {
            state = Snapshot.Segments[index].IsMatch(_attributes) ? In : Out;
            Volatile.Write(ref _states[index], state);
        }

        return state == In;
    }
}
