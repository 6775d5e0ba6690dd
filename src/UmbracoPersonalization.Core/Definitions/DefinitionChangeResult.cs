namespace UmbracoPersonalization.Core.Definitions;

/// <summary>The outcome of a definition change: expected failures are results, not exceptions.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Error">For <see cref="DefinitionChangeStatus.Invalid"/>: what is wrong and where.</param>
public sealed record DefinitionChangeResult(DefinitionChangeStatus Status, DefinitionValidationException? Error = null)
{
    /// <summary>Whether the change was applied.</summary>
    public bool Succeeded => Status == DefinitionChangeStatus.Success;
}
