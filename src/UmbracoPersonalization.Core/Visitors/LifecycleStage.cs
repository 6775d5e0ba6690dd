namespace UmbracoPersonalization.Core.Visitors;

/// <summary>Where a visitor is in their relationship with the site. Thresholds are in <c>ProfileOptions</c>.</summary>
public enum LifecycleStage
{
    /// <summary>First visit, or too little activity to say more.</summary>
    New = 0,

    /// <summary>Came back and is active.</summary>
    Engaged,

    /// <summary>Many visits over time.</summary>
    Loyal,

    /// <summary>Was engaged or loyal but has not been seen for a while.</summary>
    AtRisk,

    /// <summary>Not seen for a long time.</summary>
    Lapsed,
}
