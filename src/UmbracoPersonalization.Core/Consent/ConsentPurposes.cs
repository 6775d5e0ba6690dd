namespace UmbracoPersonalization.Core.Consent;

/// <summary>The purposes a visitor can grant. <see cref="Necessary"/> is always granted.</summary>
[Flags]
public enum ConsentPurposes
{
    /// <summary>Nothing granted (not even necessary; only used as an empty mask).</summary>
    None = 0,

    /// <summary>Strictly necessary: the consent cookie itself. Always granted.</summary>
    Necessary = 1,

    /// <summary>Counting and measuring: events and experiment statistics.</summary>
    Analytics = 2,

    /// <summary>Remembering the visitor across requests to personalize: visitor cookie and stored profile.</summary>
    Personalization = 4,

    /// <summary>Marketing use of the profile. Never granted while the browser sends <c>Sec-GPC: 1</c>.</summary>
    Marketing = 8,

    /// <summary>Every purpose.</summary>
    All = Necessary | Analytics | Personalization | Marketing,
}
