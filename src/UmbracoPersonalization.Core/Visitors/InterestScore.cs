namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// An interest score as last written. The score decays exponentially from <paramref name="UpdatedAt"/>;
/// read the current value through the profile logic, never this raw number.
/// </summary>
/// <param name="Score">The score at <paramref name="UpdatedAt"/>.</param>
/// <param name="UpdatedAt">When the score was last updated.</param>
public readonly record struct InterestScore(double Score, DateTimeOffset UpdatedAt);
