namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>An ordering or equality test shared by <c>$lt</c>-style and <c>$vlt</c>-style operators.</summary>
internal enum ComparisonOperator
{
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Equal,
    NotEqual,
}
