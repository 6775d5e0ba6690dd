namespace UmbracoPersonalization.Persistence.Retention;

/// <summary>What one purge deleted.</summary>
/// <param name="Events">Expired events deleted.</param>
/// <param name="Profiles">Inactive profiles deleted (their events and assignments are counted in the other fields).</param>
/// <param name="Assignments">Assignments of deleted or long-gone visitors deleted.</param>
/// <param name="AuditEntries">Audit entries older than the audit retention deleted.</param>
public readonly record struct RetentionPurgeResult(int Events, int Profiles, int Assignments, int AuditEntries)
{
    /// <summary>Whether anything was deleted.</summary>
    public bool Any => Events + Profiles + Assignments + AuditEntries > 0;
}
