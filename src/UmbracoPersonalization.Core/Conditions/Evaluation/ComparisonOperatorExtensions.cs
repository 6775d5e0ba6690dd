namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>Applies a <see cref="ComparisonOperator"/> to a three-way comparison result.</summary>
internal static class ComparisonOperatorExtensions
{
    public static bool Accepts(this ComparisonOperator op, int comparison) => op switch
    {
        ComparisonOperator.LessThan => comparison < 0,
        ComparisonOperator.LessThanOrEqual => comparison <= 0,
        ComparisonOperator.GreaterThan => comparison > 0,
        ComparisonOperator.GreaterThanOrEqual => comparison >= 0,
        ComparisonOperator.Equal => comparison == 0,
        _ => comparison != 0,
    };
}
