namespace UmbracoPersonalization.Core.Experiments;

/// <summary>The features being evaluated along the current prerequisite chain, to detect cycles.</summary>
internal sealed class EvaluationStack
{
    public HashSet<string> Evaluated { get; set; } = new(StringComparer.Ordinal);
}
