namespace UmbracoPersonalization.Core.Privacy;

/// <summary>Data-subject rights: export everything stored about a visitor or member, erase it, withdraw consent.</summary>
public interface IVisitorDataService
{
    /// <summary>Everything stored about <paramref name="subject"/>; audited (counts only).</summary>
    /// <param name="subject">The visitor or member.</param>
    /// <param name="actor">Who asked: an editor, or <c>self</c>.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    Task<VisitorDataExport> ExportAsync(VisitorDataSubject subject, string actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes every profile, event, assignment and contributed row of <paramref name="subject"/> in every store, and
    /// writes an audit entry with counts only (no visitor id). Idempotent.
    /// </summary>
    /// <param name="subject">The visitor or member.</param>
    /// <param name="actor">Who asked: an editor, or <c>self</c>.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    Task<VisitorErasureResult> EraseAsync(VisitorDataSubject subject, string actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// The visitor withdrew consent for storage: their stored profile, events and assignments are deleted at once and
    /// events still queued for them are dropped. Audited as <c>consent-withdrawn</c> by <c>self</c>.
    /// </summary>
    Task<VisitorErasureResult> WithdrawConsentAsync(string visitorId, CancellationToken cancellationToken = default);
}
