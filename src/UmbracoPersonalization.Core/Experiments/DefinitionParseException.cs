namespace UmbracoPersonalization.Core.Experiments;

/// <summary>An experiment or feature definition could not be read; <see cref="Path"/> says where.</summary>
public sealed class DefinitionParseException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="DefinitionParseException"/> class.</summary>
    /// <param name="path">The JSON path, e.g. <c>$.rules[1].weights</c>.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="innerException">The underlying error (e.g. a condition's), if any.</param>
    public DefinitionParseException(string path, string reason, Exception? innerException = null)
        : base($"Invalid definition at {path}: {reason}", innerException)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>Gets the JSON path of the problem.</summary>
    public string Path { get; }

    /// <summary>Gets what is wrong, without the path.</summary>
    public string Reason { get; }
}
