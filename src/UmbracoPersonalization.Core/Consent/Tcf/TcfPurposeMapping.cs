namespace UmbracoPersonalization.Core.Consent.Tcf;

/// <summary>
/// Which IAB TCF purposes grant which of our purposes. A purpose of ours is granted when the TC string consents to
/// every TCF purpose listed for it. Defaults (the mapping documented in README "Privacy"):
/// <list type="table">
/// <item><term><see cref="ConsentPurposes.Analytics"/></term><description>TCF 1 (store and/or access information on a device)</description></item>
/// <item><term><see cref="ConsentPurposes.Personalization"/></term><description>TCF 1 + 3 (create profiles) + 4 (use profiles to select)</description></item>
/// <item><term><see cref="ConsentPurposes.Marketing"/></term><description>TCF 1 + 3 + 4</description></item>
/// </list>
/// </summary>
public sealed class TcfPurposeMapping
{
    /// <summary>TCF purposes required for <see cref="ConsentPurposes.Analytics"/>; default <c>[1]</c>.</summary>
    public IList<int> Analytics { get; init; } = [1];

    /// <summary>TCF purposes required for <see cref="ConsentPurposes.Personalization"/>; default <c>[1, 3, 4]</c>.</summary>
    public IList<int> Personalization { get; init; } = [1, 3, 4];

    /// <summary>TCF purposes required for <see cref="ConsentPurposes.Marketing"/>; default <c>[1, 3, 4]</c>.</summary>
    public IList<int> Marketing { get; init; } = [1, 3, 4];

    /// <summary>The default mapping.</summary>
    public static TcfPurposeMapping Default { get; } = new();

    /// <summary>
    /// Our consent for a decoded TC string: per-purpose decisions dated <see cref="TcString.LastUpdated"/>, under the
    /// policy version <c>tcf-{TcfPolicyVersion}</c>. <see cref="ConsentPurposes.Marketing"/> is dropped under GPC.
    /// </summary>
    /// <param name="tcString">The decoded TC string.</param>
    /// <param name="globalPrivacyControl">Whether the request carried <c>Sec-GPC: 1</c>.</param>
    public ConsentState ToState(TcString tcString, bool globalPrivacyControl = false)
    {
        ArgumentNullException.ThrowIfNull(tcString);
        var record = ToRecord(tcString);
        return record.ToState(record.PolicyVersion, globalPrivacyControl);
    }

    /// <summary>The per-purpose record for a decoded TC string (see <see cref="ToState"/>).</summary>
    /// <param name="tcString">The decoded TC string.</param>
    public ConsentRecord ToRecord(TcString tcString)
    {
        ArgumentNullException.ThrowIfNull(tcString);
        var at = tcString.LastUpdated;
        return new ConsentRecord(
            "tcf-" + tcString.TcfPolicyVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [
                new ConsentDecision(ConsentPurposes.Analytics, AllGranted(tcString, Analytics), at),
                new ConsentDecision(ConsentPurposes.Personalization, AllGranted(tcString, Personalization), at),
                new ConsentDecision(ConsentPurposes.Marketing, AllGranted(tcString, Marketing), at),
            ]);
    }

    private static bool AllGranted(TcString tcString, IList<int> required) =>
        required.Count > 0 && required.All(tcString.HasPurposeConsent);
}
