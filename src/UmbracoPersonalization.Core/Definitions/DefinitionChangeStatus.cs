namespace UmbracoPersonalization.Core.Definitions;

/// <summary>How a definition change through <see cref="IDefinitionService"/> ended.</summary>
public enum DefinitionChangeStatus
{
    /// <summary>Saved (or deleted) and audited.</summary>
    Success = 0,

    /// <summary>The definitions would not compile; nothing was saved.</summary>
    Invalid,

    /// <summary>Nothing to delete.</summary>
    NotFound,

    /// <summary>Other changes kept coming first (each time the change was validated again); nothing was saved.</summary>
    Conflict,
}
