namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>A compiled, immutable test of one attribute value (<c>$gt</c>, <c>$in</c>, implicit equality, ...).</summary>
internal abstract class ValueMatcher
{
    public abstract bool Matches(in AttributeValue actual, in EvaluationScope scope);
}
