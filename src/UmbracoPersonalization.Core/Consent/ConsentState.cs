namespace UmbracoPersonalization.Core.Consent;

/// <summary>What a visitor has granted, as read for one request.</summary>
/// <param name="Granted">The granted purposes; always includes <see cref="ConsentPurposes.Necessary"/>.</param>
/// <param name="DecidedAt">When the visitor made the choice; <c>null</c> when they have not chosen yet.</param>
/// <param name="PolicyVersion">The consent-policy version the choice was made under.</param>
/// <param name="GlobalPrivacyControl">Whether the request carried <c>Sec-GPC: 1</c>.</param>
public sealed record ConsentState(
    ConsentPurposes Granted,
    DateTimeOffset? DecidedAt = null,
    string? PolicyVersion = null,
    bool GlobalPrivacyControl = false)
{
    /// <summary>No choice made yet: only necessary purposes.</summary>
    public static ConsentState Undecided { get; } = new(ConsentPurposes.Necessary);

    /// <summary>
    /// The per-purpose decisions behind this state as the visitor made them, when known (empty for an undecided visitor).
    /// They are the record of the choice: what applies to this request is <see cref="Granted"/> (with
    /// <c>Sec-GPC: 1</c>, marketing is not granted even where a decision here granted it).
    /// </summary>
    public IReadOnlyList<ConsentDecision> Decisions { get; init; } = [];

    /// <summary>Whether the visitor has made a choice under the current policy (a banner need not ask).</summary>
    public bool IsDecided => DecidedAt is not null;

    /// <summary>Whether <paramref name="purpose"/> is granted (every flag in it).</summary>
    public bool Allows(ConsentPurposes purpose) => (Granted & purpose) == purpose;

    /// <summary>Whether the visitor may be identified by a cookie and have a stored profile and events.</summary>
    public bool AllowsStorage => Allows(ConsentPurposes.Personalization) || Allows(ConsentPurposes.Analytics);
}
