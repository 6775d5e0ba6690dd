using System.Text.Json.Nodes;

namespace UmbracoPersonalization.Core.Privacy;

/// <summary>
/// A store beyond profiles, events and assignments that keeps rows keyed to visitors (e.g. model features): register
/// one so exports include its data and erasure removes it.
/// </summary>
public interface IVisitorDataContributor
{
    /// <summary>The section name in the export document.</summary>
    string Name { get; }

    /// <summary>The data kept for these visitor ids, or <c>null</c> when there is none.</summary>
    Task<JsonNode?> ExportAsync(IReadOnlyCollection<string> visitorIds, CancellationToken cancellationToken = default);

    /// <summary>Deletes the data kept for these visitor ids; returns how many rows.</summary>
    Task<int> EraseAsync(IReadOnlyCollection<string> visitorIds, CancellationToken cancellationToken = default);
}
