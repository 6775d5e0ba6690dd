using UmbracoPersonalization.Core.Conditions;

namespace UmbracoPersonalization.Core.Experiences;

/// <summary>One compiled rule of an experience: a segment index or a compiled condition, and the variant it shows.</summary>
public sealed class CompiledRule
{
    internal CompiledRule(ExperienceRule definition, int number, VariantDefinition variant, int segmentIndex, Condition? condition)
    {
        Definition = definition;
        Number = number;
        Variant = variant;
        SegmentIndex = segmentIndex;
        Condition = condition;
        Label = segmentIndex >= 0 ? $"rule {number} (segment {definition.SegmentAlias})" : $"rule {number} (condition)";
    }

    /// <summary>The rule as defined.</summary>
    public ExperienceRule Definition { get; }

    /// <summary>1-based position in the experience.</summary>
    public int Number { get; }

    /// <summary>The variant shown when the rule matches.</summary>
    public VariantDefinition Variant { get; }

    /// <summary>The index of the rule's segment in the snapshot, or -1 for a condition rule.</summary>
    public int SegmentIndex { get; }

    /// <summary>The compiled inline condition, or null for a segment rule.</summary>
    public Condition? Condition { get; }

    /// <summary>How reasons name the rule, e.g. <c>rule 1 (segment returning-visitors)</c>.</summary>
    public string Label { get; }
}
