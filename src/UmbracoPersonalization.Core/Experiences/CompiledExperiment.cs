using System.Globalization;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Experiences;

/// <summary>
/// A compiled experiment of an experience: arms, GrowthBook bucket ranges, optional targeting, and every decision it
/// can return, built at compile time so assigning allocates nothing.
/// </summary>
public sealed class CompiledExperiment
{
    private readonly Decision[] _assigned;

    internal CompiledExperiment(
        ExperienceExperiment definition,
        VariantDefinition[] arms,
        Condition? condition,
        Func<DecisionReason, Decision> skipped,
        Func<int, Decision> assigned)
    {
        Definition = definition;
        Arms = Array.AsReadOnly(arms);
        Condition = condition;
        Ranges = Array.AsReadOnly(BucketRanges.Get(arms.Length, definition.Coverage, definition.Weights));
        HashAttribute = AttributePath.Parse(definition.HashAttribute);
        var label = $"experiment {definition.Key}";
        SkippedNotIdentified = skipped(new(DecisionReasonKind.ExperimentSkipped, $"{label}: skipped, visitor not identified (no consent)"));
        SkippedNoAnalyticsConsent = skipped(new(DecisionReasonKind.ExperimentSkipped, $"{label}: skipped, no analytics consent"));
        SkippedTargeting = skipped(new(DecisionReasonKind.ExperimentSkipped, $"{label}: skipped, targeting condition not matched"));
        SkippedNoHashValue = skipped(new(DecisionReasonKind.ExperimentSkipped, $"{label}: skipped, no value for hash attribute '{definition.HashAttribute}'"));
        SkippedCoverage = skipped(new(DecisionReasonKind.ExperimentSkipped, $"{label}: skipped, visitor outside coverage"));
        _assigned = new Decision[arms.Length];
        for (var i = 0; i < arms.Length; i++)
        {
            _assigned[i] = assigned(i);
        }
    }

    /// <summary>The experiment as defined.</summary>
    public ExperienceExperiment Definition { get; }

    /// <summary>The experiment key (the hash seed).</summary>
    public string Key => Definition.Key;

    /// <summary>The variants of the arms, in order (arm 0 is the control).</summary>
    public IReadOnlyList<VariantDefinition> Arms { get; }

    /// <summary>The bucket range of each arm.</summary>
    public IReadOnlyList<BucketRange> Ranges { get; }

    /// <summary>The targeting condition, if any.</summary>
    public Condition? Condition { get; }

    /// <summary>The attribute hashed for bucketing.</summary>
    public AttributePath HashAttribute { get; }

    internal Decision SkippedNotIdentified { get; }

    internal Decision SkippedNoAnalyticsConsent { get; }

    internal Decision SkippedTargeting { get; }

    internal Decision SkippedNoHashValue { get; }

    internal Decision SkippedCoverage { get; }

    /// <summary>The arm <paramref name="hashValue"/> falls in, or -1 when outside coverage (or an unknown hash version).</summary>
    /// <param name="hashValue">The hash attribute's value, e.g. the visitor id.</param>
    /// <returns>The arm index, or -1.</returns>
    public int ChooseArm(string hashValue)
    {
        ArgumentNullException.ThrowIfNull(hashValue);
        var n = GrowthBookHash.Hash(Definition.Key, hashValue, Definition.HashVersion);
        return n is { } bucket ? VariationChooser.Choose(bucket, Ranges) : -1;
    }

    internal Decision Decide(VisitorContext context, VisitorAttributes attributes)
    {
        if (!context.IsIdentified)
        {
            return SkippedNotIdentified;
        }

        if (!context.Consent.Allows(Consent.ConsentPurposes.Analytics))
        {
            return SkippedNoAnalyticsConsent;
        }

        if (Condition is not null && !Condition.IsMatch(attributes))
        {
            return SkippedTargeting;
        }

        if (!attributes.TryGetValue(HashAttribute, out var value) || HashText(value) is not { Length: > 0 } text)
        {
            return SkippedNoHashValue;
        }

        var arm = ChooseArm(text);
        return arm < 0 ? SkippedCoverage : _assigned[arm];
    }

    private static string? HashText(AttributeValue value) => value.Kind switch
    {
        AttributeKind.String => value.StringValue,
        AttributeKind.Number => value.NumberValue.ToString(CultureInfo.InvariantCulture),
        AttributeKind.Boolean => value.BooleanValue ? "true" : "false",
        _ => null,
    };
}
