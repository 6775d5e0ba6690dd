using Umbraco.Cms.Core;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Services;
using Umbraco.Cms.Core.Services.OperationStatus;
using UmbracoPersonalization.Core.Experiences;

namespace UmbracoPersonalization.Web.Segments;

/// <summary>
/// Offers our segments to Umbraco's backoffice, so editors can create segment variants of documents. Replaces
/// Umbraco's <c>NoopSegmentService</c>. Segments are listed highest priority first (then by name); every document
/// may vary by every segment.
/// </summary>
public sealed class PersonalizationSegmentService : ISegmentService
{
    private readonly IDefinitionSnapshotProvider _snapshots;

    /// <summary>Creates the service over the current definitions.</summary>
    /// <param name="snapshots">The current definitions.</param>
    public PersonalizationSegmentService(IDefinitionSnapshotProvider snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        _snapshots = snapshots;
    }

    /// <inheritdoc />
    public Task<Attempt<PagedModel<Segment>?, SegmentOperationStatus>> GetPagedSegmentsAsync(int skip = 0, int take = 100)
    {
        var all = _snapshots.Current.Segments
            .OrderByDescending(s => s.Priority)
            .ThenBy(s => s.Definition.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Alias, StringComparer.Ordinal)
            .ToArray();
        var page = all
            .Skip(Math.Max(0, skip))
            .Take(Math.Max(0, take))
            .Select(s => new Segment { Alias = s.Alias, Name = s.Definition.Name })
            .ToArray();
        return Task.FromResult(Attempt.SucceedWithStatus<PagedModel<Segment>?, SegmentOperationStatus>(
            SegmentOperationStatus.Success,
            new PagedModel<Segment>(all.Length, page)));
    }

    /// <inheritdoc />
    public Task<Attempt<PagedModel<Segment>?, SegmentOperationStatus>> GetPagedSegmentsForDocumentAsync(Guid id, int skip = 0, int take = 100) =>
        GetPagedSegmentsAsync(skip, take);
}
