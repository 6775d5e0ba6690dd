namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// A slice of a namespace: experiments in the same namespace with non-overlapping slices never share a visitor
/// (mutual exclusion).
/// </summary>
/// <param name="Id">The namespace id.</param>
/// <param name="Start">Inclusive start of the slice, 0 to 1.</param>
/// <param name="End">Exclusive end of the slice, 0 to 1.</param>
public sealed record ExperimentNamespace(string Id, double Start, double End);
