namespace UmbracoPersonalization.Core.Experiences;

/// <summary>One explainable step of a decision, e.g. "rule 2 (segment spring-campaign) matched".</summary>
/// <param name="Kind">What kind of step.</param>
/// <param name="Message">A human-readable explanation (shown in previews and logs).</param>
public readonly record struct DecisionReason(DecisionReasonKind Kind, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Message}";
}
