using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;

namespace UmbracoPersonalization.Web.Definitions;

/// <summary>
/// The last definition set loaded by <see cref="DefinitionRefreshService"/>, kept so a placement can still render
/// its default variant when deciding fails.
/// </summary>
public sealed class LoadedDefinitions
{
    private volatile Snapshot _snapshot = new(DefinitionSet.Empty, new Dictionary<string, ExperienceDefinition>(StringComparer.OrdinalIgnoreCase));

    /// <summary>The last loaded set (empty until the first load).</summary>
    public DefinitionSet Current => _snapshot.Set;

    /// <summary>Replaces the set.</summary>
    public void Set(DefinitionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var byPlacement = new Dictionary<string, ExperienceDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var experience in set.Experiences)
        {
            byPlacement[experience.Placement] = experience;
        }

        _snapshot = new Snapshot(set, byPlacement);
    }

    /// <summary>The default variant of <paramref name="placement"/>, or <c>null</c> when unknown.</summary>
    public VariantDefinition? GetDefaultVariant(string placement) =>
        _snapshot.ByPlacement.TryGetValue(placement, out var experience)
            ? experience.Variants.FirstOrDefault(v => string.Equals(v.Key, experience.DefaultVariantKey, StringComparison.OrdinalIgnoreCase)) // keys compile ignoring case
            : null;

    private sealed record Snapshot(DefinitionSet Set, IReadOnlyDictionary<string, ExperienceDefinition> ByPlacement);
}
