using System.Text.Json.Nodes;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Privacy;

/// <summary>Everything stored about a data subject (GDPR art. 15/20), as returned by <see cref="IVisitorDataService.ExportAsync"/>.</summary>
public sealed record VisitorDataExport
{
    /// <summary>When the export was made.</summary>
    public required DateTimeOffset ExportedAt { get; init; }

    /// <summary>The visitor ids the export covers.</summary>
    public required IReadOnlyList<string> VisitorIds { get; init; }

    /// <summary>The stored profiles.</summary>
    public required IReadOnlyList<VisitorProfile> Profiles { get; init; }

    /// <summary>The stored events, oldest first.</summary>
    public required IReadOnlyList<VisitorEvent> Events { get; init; }

    /// <summary>The experiment assignments.</summary>
    public required IReadOnlyList<VisitorAssignment> Assignments { get; init; }

    /// <summary>Data from other stores (<see cref="IVisitorDataContributor"/>), by section name.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Other { get; init; } = new Dictionary<string, JsonNode?>();
}
