namespace UmbracoPersonalization.Core.Experiments;

/// <summary>
/// The sticky-bucket assignments stored for one attribute value (e.g. <c>id</c> = <c>v-123</c>): experiment key with
/// bucket version (<c>home-hero__0</c>) to variation key. GrowthBook's document shape, so stores can be shared.
/// </summary>
/// <param name="AttributeName">The hash attribute, e.g. <c>id</c>.</param>
/// <param name="AttributeValue">The attribute's value as text.</param>
/// <param name="Assignments">Experiment key with bucket version to variation key.</param>
public sealed record StickyAssignmentsDocument(string AttributeName, string AttributeValue, IReadOnlyDictionary<string, string> Assignments)
{
    /// <summary>Gets the storage key, <c>attributeName||attributeValue</c>.</summary>
    public string Key => StickyBucketAssignments.GetKey(AttributeName, AttributeValue);
}
