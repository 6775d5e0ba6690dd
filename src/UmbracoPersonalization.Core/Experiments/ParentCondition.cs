using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// A prerequisite: the feature <see cref="Id"/> is evaluated and its value tested (as attribute <c>value</c>) by
/// <see cref="Condition"/>.
/// </summary>
public sealed class ParentCondition
{
    /// <summary>Gets the prerequisite feature's key.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the condition on <c>{"value": parentValue}</c>.</summary>
    public required Condition Condition { get; init; }

    /// <summary>Gets a value indicating whether a failure blocks the whole feature (rather than skipping the rule).</summary>
    public bool Gate { get; init; }
}
