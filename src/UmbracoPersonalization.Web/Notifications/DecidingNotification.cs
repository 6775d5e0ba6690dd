using Umbraco.Cms.Core.Notifications;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Web.Notifications;

/// <summary>
/// Published synchronously on the request for every decision, before it is used, when at least one handler is
/// registered. A handler may <see cref="Override"/> the variant; the decision's reasons then end with an
/// <see cref="DecisionReasonKind.Overridden"/> reason naming why. Handlers must be fast: they run for every placement.
/// </summary>
public sealed class DecidingNotification : INotification
{
    /// <summary>Creates the notification.</summary>
    /// <param name="decision">The decision the engine made.</param>
    /// <param name="context">The visitor's context.</param>
    /// <param name="experience">The placement's experience (null for an unknown placement).</param>
    public DecidingNotification(Decision decision, VisitorContext context, CompiledExperience? experience)
    {
        ArgumentNullException.ThrowIfNull(decision);
        OriginalDecision = decision;
        Decision = decision;
        Context = context;
        Experience = experience;
    }

    /// <summary>The placement being decided.</summary>
    public string Placement => OriginalDecision.Placement;

    /// <summary>The engine's decision.</summary>
    public Decision OriginalDecision { get; }

    /// <summary>The decision that will be used (the engine's, unless overridden).</summary>
    public Decision Decision { get; private set; }

    /// <summary>The visitor's context (profile, request, consent).</summary>
    public VisitorContext Context { get; }

    /// <summary>The placement's experience (its variants, rules and experiment); null for an unknown placement.</summary>
    public CompiledExperience? Experience { get; }

    /// <summary>Replaces the variant. An unknown key is refused.</summary>
    /// <param name="variantKey">The key of one of the experience's variants.</param>
    /// <param name="reason">Why, recorded in the decision's reasons.</param>
    /// <returns><c>true</c> when overridden.</returns>
    public bool Override(string variantKey, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (variantKey is null || Experience is null || !Experience.TryGetVariant(variantKey, out var variant))
        {
            return false;
        }

        Decision = Decision with
        {
            Variant = variant,
            IsFallback = false,
            ExperimentKey = null,
            ExperimentArm = null,
            Reasons = [.. Decision.Reasons, new DecisionReason(DecisionReasonKind.Overridden, $"overridden to variant '{variantKey}': {reason}")],
        };
        return true;
    }
}
