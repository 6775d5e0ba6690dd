namespace UmbracoPersonalization.Core.Privacy;

/// <summary>What an erasure removed (counts only: this is also what the audit entry records).</summary>
/// <param name="VisitorIds">How many visitor ids were covered.</param>
/// <param name="Profiles">Profiles deleted.</param>
/// <param name="Events">Events deleted.</param>
/// <param name="Assignments">Assignments deleted.</param>
/// <param name="OtherRows">Rows deleted by <see cref="IVisitorDataContributor"/>s.</param>
public sealed record VisitorErasureResult(int VisitorIds, int Profiles, int Events, int Assignments, int OtherRows);
