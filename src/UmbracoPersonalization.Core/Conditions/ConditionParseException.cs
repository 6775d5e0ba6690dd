namespace UmbracoPersonalization.Core.Conditions;

/// <summary>
/// A condition could not be compiled: invalid JSON, an unknown operator or an operand of the wrong type.
/// Thrown only when parsing, never when evaluating.
/// </summary>
public sealed class ConditionParseException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="ConditionParseException"/> class.</summary>
    /// <param name="path">Where in the JSON the problem is, e.g. <c>$.$and[2].age.$foo</c>.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ConditionParseException(string path, string reason, Exception? innerException = null)
        : base($"Invalid condition at {path}: {reason}", innerException)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>Gets the JSON path of the problem: <c>$</c> is the root, <c>.key</c> a property (operators keep their <c>$</c>), <c>[i]</c> an item.</summary>
    public string Path { get; }

    /// <summary>Gets what is wrong, without the path.</summary>
    public string Reason { get; }
}
