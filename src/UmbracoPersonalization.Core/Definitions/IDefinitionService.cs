using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;

namespace UmbracoPersonalization.Core.Definitions;

/// <summary>
/// The one way definitions change (management API, backoffice, imports): every change is validated by compiling the
/// resulting definition set, saved, and recorded in the audit log with who did it and the before/after JSON.
/// </summary>
public interface IDefinitionService
{
    /// <summary>Creates or replaces a segment.</summary>
    Task<DefinitionChangeResult> SaveSegmentAsync(SegmentDefinition segment, string actor, CancellationToken cancellationToken = default);

    /// <summary>Deletes a segment (invalid while an experience uses it).</summary>
    Task<DefinitionChangeResult> DeleteSegmentAsync(string alias, string actor, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces an experience (with its experiment).</summary>
    Task<DefinitionChangeResult> SaveExperienceAsync(ExperienceDefinition experience, string actor, CancellationToken cancellationToken = default);

    /// <summary>Deletes an experience.</summary>
    Task<DefinitionChangeResult> DeleteExperienceAsync(string placement, string actor, CancellationToken cancellationToken = default);
}
