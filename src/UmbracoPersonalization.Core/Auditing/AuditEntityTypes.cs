namespace UmbracoPersonalization.Core.Auditing;

/// <summary>The entity types recorded in the audit log.</summary>
public static class AuditEntityTypes
{
    /// <summary>A segment definition (key: alias).</summary>
    public const string Segment = "segment";

    /// <summary>An experience definition, with its experiment (key: placement).</summary>
    public const string Experience = "experience";

    /// <summary>A visitor's data (no key: the audit log holds no visitor id).</summary>
    public const string VisitorData = "visitor-data";
}
