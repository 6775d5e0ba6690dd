namespace UmbracoPersonalization.Core.Visitors;

/// <summary>How often and when a visitor reached a goal.</summary>
/// <param name="Count">Times reached.</param>
/// <param name="FirstReachedAt">First time.</param>
/// <param name="LastReachedAt">Most recent time.</param>
public readonly record struct GoalRecord(int Count, DateTimeOffset FirstReachedAt, DateTimeOffset LastReachedAt);
