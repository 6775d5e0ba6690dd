using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Experiences;

/// <summary>
/// A compiled experience: rules with compiled conditions or segment indexes, a variant lookup, an optional experiment,
/// and every decision it can return built at compile time (reasons included), so deciding allocates nothing.
/// </summary>
public sealed class CompiledExperience
{
    private readonly CompiledRule[] _rules;
    private readonly Dictionary<string, VariantDefinition> _variants;
    private readonly Decision[] _ruleMatched;
    private readonly Decision[] _previewMatched;
    private readonly Decision _noRuleMatched;
    private readonly Decision _disabled;
    private readonly DecisionReason[] _allNotMatched;

    internal CompiledExperience(
        ExperienceDefinition definition,
        Dictionary<string, VariantDefinition> variants,
        CompiledRule[] rules,
        Func<CompiledExperience, CompiledExperiment?> compileExperiment)
    {
        Definition = definition;
        _variants = variants;
        _rules = rules;
        DefaultVariant = variants[definition.DefaultVariantKey];
        var notMatched = new DecisionReason[rules.Length];
        _ruleMatched = new Decision[rules.Length];
        _previewMatched = new Decision[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            notMatched[i] = new(DecisionReasonKind.RuleNotMatched, $"{rule.Label}: not matched");
            _ruleMatched[i] = Build(rule.Variant, false, notMatched.AsSpan(0, i), new DecisionReason(DecisionReasonKind.RuleMatched, $"{rule.Label}: matched, variant '{rule.Variant.Key}'"));
            _previewMatched[i] = Build(rule.Variant, false, notMatched.AsSpan(0, i), new DecisionReason(DecisionReasonKind.Preview, $"{rule.Label}: matched by segment preview, variant '{rule.Variant.Key}'"));
        }

        _allNotMatched = notMatched;
        _noRuleMatched = Build(DefaultVariant, true, notMatched, Fallback("no rule matched"));
        _disabled = Build(DefaultVariant, true, [], Fallback("experience disabled"));
        Experiment = compileExperiment(this);
    }

    /// <summary>The experience as defined.</summary>
    public ExperienceDefinition Definition { get; }

    /// <summary>The placement alias.</summary>
    public string Placement => Definition.Placement;

    /// <summary>The default variant.</summary>
    public VariantDefinition DefaultVariant { get; }

    /// <summary>The compiled rules, in order.</summary>
    public IReadOnlyList<CompiledRule> Rules => _rules;

    /// <summary>The compiled experiment, if any.</summary>
    public CompiledExperiment? Experiment { get; }

    /// <summary>Finds a variant by key (case-insensitive).</summary>
    /// <param name="key">The variant key.</param>
    /// <param name="variant">The variant.</param>
    /// <returns><c>true</c> when found.</returns>
    public bool TryGetVariant(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VariantDefinition? variant) =>
        _variants.TryGetValue(key, out variant);

    private Decision? _paused;

    internal Decision Decide(VisitorContext context, SegmentMembershipState memberships, VisitorAttributes attributes)
    {
        if (!Definition.Enabled)
        {
            return _disabled;
        }

        for (var i = 0; i < _rules.Length; i++)
        {
            var rule = _rules[i];
            if (rule.SegmentIndex >= 0)
            {
                if (memberships.IsMember(rule.SegmentIndex))
                {
                    return memberships.IsPreview ? _previewMatched[i] : _ruleMatched[i];
                }
            }
            else if (rule.Condition!.IsMatch(attributes))
            {
                return _ruleMatched[i];
            }
        }

        return Experiment is null ? _noRuleMatched : Experiment.Decide(context, attributes);
    }

    /// <summary>The default variant with a fallback reason naming <paramref name="exception"/> (allocates; failures only).</summary>
    internal Decision Failed(Exception exception) =>
        Build(DefaultVariant, true, [], Fallback($"error while deciding ({exception.GetType().Name}: {exception.Message})"));

    /// <summary>The decision when the visitor paused personalization (precomputed, allocation-free).</summary>
    internal Decision Paused() => _paused ??= Build(
        DefaultVariant,
        true,
        [],
        new DecisionReason(DecisionReasonKind.Paused, "personalization paused by the visitor"),
        Fallback("personalization paused"));

    /// <summary>The decision when the experiment skipped the visitor.</summary>
    internal Decision ExperimentSkipped(DecisionReason reason) =>
        Build(DefaultVariant, true, _allNotMatched, reason, Fallback("no rule matched and the experiment assigned no arm"));

    /// <summary>The decision when the experiment assigned <paramref name="arm"/>.</summary>
    internal Decision ExperimentAssigned(ExperienceExperiment experiment, int arm, VariantDefinition variant) =>
        Build(variant, false, _allNotMatched, new DecisionReason(DecisionReasonKind.ExperimentAssigned, $"experiment {experiment.Key}: arm {arm}, variant '{variant.Key}'")) with
        {
            ExperimentKey = experiment.Key,
            ExperimentArm = arm,
        };

    private DecisionReason Fallback(string why) =>
        new(DecisionReasonKind.Fallback, $"fallback: {why}; default variant '{Definition.DefaultVariantKey}'");

    private Decision Build(VariantDefinition variant, bool isFallback, ReadOnlySpan<DecisionReason> prefix, params ReadOnlySpan<DecisionReason> last)
    {
        var reasons = new DecisionReason[prefix.Length + last.Length];
        prefix.CopyTo(reasons);
        last.CopyTo(reasons.AsSpan(prefix.Length));
        return new Decision(Definition.Placement, variant, Array.AsReadOnly(reasons), isFallback);
    }
}
