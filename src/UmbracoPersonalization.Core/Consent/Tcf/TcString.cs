namespace UmbracoPersonalization.Core.Consent.Tcf;

/// <summary>The core segment of an IAB TCF v2.x TC string, as far as consent mapping needs it.</summary>
public sealed record TcString
{
    /// <summary>The TC string format version (2 for TCF v2.x).</summary>
    public required int Version { get; init; }

    /// <summary>When the TC string was created (decisecond precision).</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>When the TC string was last updated (decisecond precision).</summary>
    public required DateTimeOffset LastUpdated { get; init; }

    /// <summary>The registered id of the consent management platform that wrote it.</summary>
    public required int CmpId { get; init; }

    /// <summary>The CMP's version.</summary>
    public required int CmpVersion { get; init; }

    /// <summary>The CMP screen the consent was given on.</summary>
    public int ConsentScreen { get; init; }

    /// <summary>The language of the CMP UI (two letters, e.g. <c>EN</c>).</summary>
    public string ConsentLanguage { get; init; } = "EN";

    /// <summary>The Global Vendor List version used.</summary>
    public int VendorListVersion { get; init; }

    /// <summary>The TCF policy version (4 for TCF v2.2).</summary>
    public int TcfPolicyVersion { get; init; }

    /// <summary>Whether the string applies to one service only (not global).</summary>
    public bool IsServiceSpecific { get; init; }

    /// <summary>Purposes (1–24) the user consented to.</summary>
    public required IReadOnlySet<int> PurposesConsent { get; init; }

    /// <summary>Purposes (1–24) whose legitimate-interest transparency was established.</summary>
    public IReadOnlySet<int> PurposesLegitimateInterest { get; init; } = new SortedSet<int>();

    /// <summary>The publisher's country (two letters).</summary>
    public string PublisherCountryCode { get; init; } = "AA";

    /// <summary>Whether the user consented to purpose <paramref name="purpose"/>.</summary>
    public bool HasPurposeConsent(int purpose) => PurposesConsent.Contains(purpose);
}
