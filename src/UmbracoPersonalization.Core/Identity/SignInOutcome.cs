namespace UmbracoPersonalization.Core.Identity;

/// <summary>What happened to the visitor's identity when a member signed in.</summary>
public enum SignInOutcome
{
    /// <summary>The browser already carried the member's visitor id: nothing to do.</summary>
    AlreadyMember = 0,

    /// <summary>The member had no profile: the browser's anonymous profile now belongs to the member.</summary>
    Claimed,

    /// <summary>The anonymous profile was merged into the member's profile; the browser switches to the member's id.</summary>
    Merged,

    /// <summary>
    /// The browser switches to the member's existing id without merging a profile: none was stored anonymously (the
    /// browser's id is still recorded in the member's <see cref="Visitors.VisitorProfile.MergedVisitorIds"/> and what is
    /// stored under it re-keyed), or the anonymous profile belongs to another member, e.g. a shared computer (nothing of
    /// it is touched).
    /// </summary>
    Switched,

    /// <summary>The browser's profile belongs to another member and this member has none: a new id was started.</summary>
    Restarted,
}
