namespace UmbracoPersonalization.Core.Auditing;

/// <summary>One page of audit entries, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="Total">How many entries match the filter.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int Total);
