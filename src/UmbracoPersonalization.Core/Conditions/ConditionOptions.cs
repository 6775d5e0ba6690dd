namespace UmbracoPersonalization.Core.Conditions;

/// <summary>Limits and semantics applied when a condition is compiled.</summary>
public sealed class ConditionOptions
{
    /// <summary>Gets the defaults: deny-by-default missing values, 100 ms regex timeout, 1,000-character patterns.</summary>
    public static ConditionOptions Default { get; } = new();

    /// <summary>Gets options reproducing GrowthBook's JavaScript semantics exactly (see <see cref="MissingValueSemantics.GrowthBook"/>).</summary>
    public static ConditionOptions GrowthBookCompatible { get; } = new() { MissingValues = MissingValueSemantics.GrowthBook };

    /// <summary>Gets how missing/null attributes compare. Default: <see cref="MissingValueSemantics.Deny"/>.</summary>
    public MissingValueSemantics MissingValues { get; init; } = MissingValueSemantics.Deny;

    /// <summary>Gets the longest match a regex may take; past it the test is false. Default: 100 ms.</summary>
    public TimeSpan RegexMatchTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets the longest regex pattern accepted at parse time. Default: 1,000 characters.</summary>
    public int MaxRegexPatternLength { get; init; } = 1000;
}
