namespace UmbracoPersonalization.Core.Auditing;

/// <summary>Actor names that are not editors.</summary>
public static class AuditActors
{
    /// <summary>The visitor acting on their own data (self-service export or erase, consent withdrawal).</summary>
    public const string Self = "self";

    /// <summary>The package itself (e.g. the retention purge).</summary>
    public const string System = "system";
}
