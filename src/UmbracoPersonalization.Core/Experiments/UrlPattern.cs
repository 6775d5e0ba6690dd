namespace UmbracoPersonalization.Core.Experiments;

/// <summary>A URL targeting pattern of a redirect experiment.</summary>
public sealed class UrlPattern
{
    /// <summary>Gets <c>simple</c> (host/path/query with <c>*</c> wildcards) or <c>regex</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Gets the pattern.</summary>
    public required string Pattern { get; init; }

    /// <summary>Gets a value indicating whether a match includes (true) or excludes (false) the URL.</summary>
    public bool Include { get; init; } = true;
}
