namespace UmbracoPersonalization.Core.Auditing;

/// <summary>The actions recorded in the audit log.</summary>
public static class AuditActions
{
    /// <summary>A definition was created.</summary>
    public const string Created = "created";

    /// <summary>A definition was changed.</summary>
    public const string Updated = "updated";

    /// <summary>A definition was deleted.</summary>
    public const string Deleted = "deleted";

    /// <summary>A visitor's data was exported.</summary>
    public const string Exported = "exported";

    /// <summary>A visitor's data was erased.</summary>
    public const string Erased = "erased";

    /// <summary>A visitor withdrew consent and their stored profile was deleted.</summary>
    public const string ConsentWithdrawn = "consent-withdrawn";

    /// <summary>The retention purge deleted expired data.</summary>
    public const string Purged = "purged";
}
