namespace UmbracoPersonalization.Core.Experiments;

/// <summary>The result of checking prerequisite features.</summary>
internal enum PrerequisiteOutcome
{
    Passed,
    Skipped,
    Blocked,
    Cyclic,
}
