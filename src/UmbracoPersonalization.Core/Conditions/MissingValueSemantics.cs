namespace UmbracoPersonalization.Core.Conditions;

/// <summary>How a missing or null attribute behaves in comparisons.</summary>
public enum MissingValueSemantics
{
    /// <summary>
    /// Deny by default: a missing/null attribute never satisfies an ordering (<c>$lt $gt $vlt</c> ...), an implicit
    /// number/string equality or a regex. <c>$ne</c>, <c>$nin</c>, <c>$exists</c>, <c>$type</c> and explicit null
    /// tests behave as in GrowthBook.
    /// </summary>
    Deny = 0,

    /// <summary>
    /// Exactly GrowthBook's JavaScript semantics: null compares as 0 (<c>{"age": {"$lt": 18}}</c> matches a visitor
    /// without an age), stringifies as "null" and pads as version "0". Use for GrowthBook conformance.
    /// </summary>
    GrowthBook = 1,
}
