using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;

namespace UmbracoPersonalization.Core.Definitions;

/// <summary>All editor-made definitions as stored, at one version. Compiled into a snapshot for deciding.</summary>
/// <param name="Segments">Segment definitions.</param>
/// <param name="Experiences">Experience definitions, one per placement.</param>
/// <param name="Version">Increases with every change, so hosts know when to recompile.</param>
public sealed record DefinitionSet(
    IReadOnlyList<SegmentDefinition> Segments,
    IReadOnlyList<ExperienceDefinition> Experiences,
    long Version = 0)
{
    /// <summary>No definitions.</summary>
    public static DefinitionSet Empty { get; } = new([], []);
}
