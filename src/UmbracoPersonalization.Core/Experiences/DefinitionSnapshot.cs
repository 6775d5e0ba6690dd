using System.Diagnostics.CodeAnalysis;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Segments;

namespace UmbracoPersonalization.Core.Experiences;

/// <summary>
/// The immutable, compiled form of a <see cref="DefinitionSet"/>: segments compiled, experiences by placement, rules
/// with compiled conditions or segment indexes, variants by key, and precomputed decisions. Validated when compiled;
/// thread-safe to read from any number of requests. Replace it as a whole through <see cref="DefinitionSnapshotHolder"/>.
/// </summary>
public sealed class DefinitionSnapshot
{
    private readonly CompiledSegment[] _segments;
    private readonly Dictionary<string, CompiledSegment> _segmentsByAlias;
    private readonly Dictionary<string, CompiledExperience> _experiences;

    internal DefinitionSnapshot(
        DefinitionSet definitions,
        CompiledSegment[] segments,
        Dictionary<string, CompiledSegment> segmentsByAlias,
        Dictionary<string, CompiledExperience> experiences)
    {
        Definitions = definitions;
        _segments = segments;
        _segmentsByAlias = segmentsByAlias;
        _experiences = experiences;
        Placements = [.. experiences.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>No segments and no experiences.</summary>
    public static DefinitionSnapshot Empty { get; } = Compile(DefinitionSet.Empty);

    /// <summary>The definitions this snapshot was compiled from.</summary>
    public DefinitionSet Definitions { get; }

    /// <summary>The version of <see cref="Definitions"/>.</summary>
    public long Version => Definitions.Version;

    /// <summary>The compiled segments, in definition order (<see cref="CompiledSegment.Index"/> is the position).</summary>
    public IReadOnlyList<CompiledSegment> Segments => _segments;

    /// <summary>The compiled experiences by placement (case-insensitive).</summary>
    public IReadOnlyDictionary<string, CompiledExperience> Experiences => _experiences;

    /// <summary>The placements of <see cref="Experiences"/>, in ordinal order (sorted once, when compiled).</summary>
    public IReadOnlyList<string> Placements { get; }

    /// <summary>
    /// Compiles and validates <paramref name="definitions"/>: aliases and placements unique (case-insensitive), every
    /// condition valid, every rule's segment and variant known, defaults and experiment arms known, experiment weights
    /// and coverage sane.
    /// </summary>
    /// <param name="definitions">The definitions.</param>
    /// <param name="conditionOptions">Condition limits; <see cref="ConditionOptions.Default"/> when null.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="DefinitionValidationException">Something is invalid; the exception names the field.</exception>
    public static DefinitionSnapshot Compile(DefinitionSet definitions, ConditionOptions? conditionOptions = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        return DefinitionCompiler.Compile(definitions, conditionOptions ?? ConditionOptions.Default);
    }

    /// <summary>Finds a compiled segment by alias (case-insensitive).</summary>
    /// <param name="alias">The alias.</param>
    /// <param name="segment">The segment.</param>
    /// <returns><c>true</c> when found.</returns>
    public bool TryGetSegment(string alias, [NotNullWhen(true)] out CompiledSegment? segment) =>
        _segmentsByAlias.TryGetValue(alias, out segment);

    /// <summary>Finds a compiled experience by placement (case-insensitive).</summary>
    /// <param name="placement">The placement alias.</param>
    /// <param name="experience">The experience.</param>
    /// <returns><c>true</c> when found.</returns>
    public bool TryGetExperience(string placement, [NotNullWhen(true)] out CompiledExperience? experience) =>
        _experiences.TryGetValue(placement, out experience);
}
