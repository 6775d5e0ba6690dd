namespace UmbracoPersonalization.Core.Experiments;

/// <summary>The arm a visitor was assigned in an experiment (sticky: kept when weights change).</summary>
/// <param name="VisitorId">The visitor.</param>
/// <param name="ExperimentKey">The experiment.</param>
/// <param name="Arm">The assigned arm index.</param>
/// <param name="AssignedAt">When the visitor was first assigned.</param>
public sealed record VisitorAssignment(string VisitorId, string ExperimentKey, int Arm, DateTimeOffset AssignedAt);
