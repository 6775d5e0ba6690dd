namespace UmbracoPersonalization.Core.Conditions;

/// <summary>
/// Gives a compiled <see cref="Condition"/> typed access to a visitor's attributes without any JSON on the request path.
/// </summary>
public interface IAttributeSource
{
    /// <summary>Looks up the value at <paramref name="path"/>.</summary>
    /// <param name="path">The (possibly dotted) attribute path, parsed once when the condition was compiled.</param>
    /// <param name="value">The value found, or <see cref="AttributeValue.Missing"/>.</param>
    /// <returns><c>true</c> when a value (possibly an explicit null) exists at the path.</returns>
    bool TryGetValue(AttributePath path, out AttributeValue value);
}
