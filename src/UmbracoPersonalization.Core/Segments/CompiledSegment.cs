using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Segments;

/// <summary>A segment with its condition compiled, ready to evaluate many times. Immutable and thread-safe.</summary>
public sealed class CompiledSegment
{
    internal CompiledSegment(SegmentDefinition definition, Condition condition, int index)
    {
        Definition = definition;
        Condition = condition;
        Index = index;
    }

    /// <summary>The definition it was compiled from.</summary>
    public SegmentDefinition Definition { get; }

    /// <summary>The alias.</summary>
    public string Alias => Definition.Alias;

    /// <summary>The priority (higher wins when one segment must be chosen).</summary>
    public int Priority => Definition.Priority;

    /// <summary>The compiled condition.</summary>
    public Condition Condition { get; }

    /// <summary>The position of this segment in its snapshot.</summary>
    public int Index { get; }

    /// <summary>Whether <paramref name="attributes"/> satisfy the segment's condition. Never throws, allocates nothing.</summary>
    /// <param name="attributes">The visitor's attributes.</param>
    /// <returns><c>true</c> when the visitor is in the segment.</returns>
    public bool IsMatch(IAttributeSource attributes) => Condition.IsMatch(attributes);

    /// <inheritdoc />
    public override string ToString() => Alias;
}
