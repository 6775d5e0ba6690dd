namespace UmbracoPersonalization.Core.Consent;

/// <summary>
/// What a visitor chose, purpose by purpose, under one consent-policy version: the durable form of consent (what a
/// consent cookie or a CMP holds). <see cref="ToState"/> turns it into the <see cref="ConsentState"/> of a request:
/// a record made under another policy version counts as undecided, so a policy bump asks again.
/// </summary>
public sealed class ConsentRecord
{
    /// <summary>The purposes a visitor chooses (everything but <see cref="ConsentPurposes.Necessary"/>).</summary>
    public static IReadOnlyList<ConsentPurposes> ChoosablePurposes { get; } =
        [ConsentPurposes.Analytics, ConsentPurposes.Personalization, ConsentPurposes.Marketing];

    /// <summary>Creates a record.</summary>
    /// <param name="policyVersion">The consent-policy version the choices were made under.</param>
    /// <param name="decisions">One decision per purpose; a later decision for the same purpose wins.</param>
    public ConsentRecord(string policyVersion, IEnumerable<ConsentDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(policyVersion);
        ArgumentNullException.ThrowIfNull(decisions);
        PolicyVersion = policyVersion;
        var byPurpose = new Dictionary<ConsentPurposes, ConsentDecision>();
        foreach (var decision in decisions)
        {
            if (!IsSinglePurpose(decision.Purpose))
            {
                throw new ArgumentException($"'{decision.Purpose}' is not a single choosable purpose.", nameof(decisions));
            }

            byPurpose[decision.Purpose] = decision;
        }

        Decisions = [.. byPurpose.Values.OrderBy(d => (int)d.Purpose)];
    }

    /// <summary>The consent-policy version the choices were made under.</summary>
    public string PolicyVersion { get; }

    /// <summary>The decisions, one per purpose, ordered by purpose.</summary>
    public IReadOnlyList<ConsentDecision> Decisions { get; }

    /// <summary>The purposes granted (always with <see cref="ConsentPurposes.Necessary"/>).</summary>
    public ConsentPurposes Granted =>
        Decisions.Where(d => d.Granted).Aggregate(ConsentPurposes.Necessary, (all, d) => all | d.Purpose);

    /// <summary>The latest decision time, or <c>null</c> for a record without decisions.</summary>
    public DateTimeOffset? DecidedAt => Decisions.Count == 0 ? null : Decisions.Max(d => d.DecidedAt);

    /// <summary>A record granting exactly <paramref name="granted"/> (and denying the other purposes) at <paramref name="at"/>.</summary>
    public static ConsentRecord For(string policyVersion, ConsentPurposes granted, DateTimeOffset at) =>
        new(policyVersion, ChoosablePurposes.Select(p => new ConsentDecision(p, (granted & p) == p, at)));

    /// <summary>This record with one purpose granted or denied at <paramref name="at"/> (the others kept).</summary>
    public ConsentRecord With(ConsentPurposes purpose, bool granted, DateTimeOffset at) =>
        new(PolicyVersion, Decisions.Append(new ConsentDecision(purpose, granted, at)));

    /// <summary>The decision for <paramref name="purpose"/>, or <c>null</c> when the visitor never chose it.</summary>
    public ConsentDecision? DecisionFor(ConsentPurposes purpose) => Decisions.FirstOrDefault(d => d.Purpose == purpose);

    /// <summary>
    /// The request's consent: <see cref="ConsentState.Undecided"/> when the record was made under another policy
    /// version than <paramref name="currentPolicyVersion"/> (ask again); <see cref="ConsentPurposes.Marketing"/> is
    /// dropped while <paramref name="globalPrivacyControl"/> is set.
    /// </summary>
    /// <param name="currentPolicyVersion">The site's current consent-policy version.</param>
    /// <param name="globalPrivacyControl">Whether the request carried <c>Sec-GPC: 1</c>.</param>
    public ConsentState ToState(string currentPolicyVersion, bool globalPrivacyControl = false)
    {
        ArgumentNullException.ThrowIfNull(currentPolicyVersion);
        if (!string.Equals(PolicyVersion, currentPolicyVersion, StringComparison.Ordinal) || Decisions.Count == 0)
        {
            return ConsentState.Undecided with { GlobalPrivacyControl = globalPrivacyControl };
        }

        var granted = Granted;
        if (globalPrivacyControl)
        {
            granted &= ~ConsentPurposes.Marketing;
        }

        return new ConsentState(granted, DecidedAt, PolicyVersion, globalPrivacyControl) { Decisions = Decisions };
    }

    private static bool IsSinglePurpose(ConsentPurposes purpose) => ChoosablePurposes.Contains(purpose);
}
