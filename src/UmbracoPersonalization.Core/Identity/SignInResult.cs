namespace UmbracoPersonalization.Core.Identity;

/// <summary>The visitor id to use after a member signed in, and why.</summary>
/// <param name="VisitorId">The visitor id the browser must carry from now on (re-issue the cookie when it changed).</param>
/// <param name="Outcome">What happened.</param>
public sealed record SignInResult(string VisitorId, SignInOutcome Outcome);
