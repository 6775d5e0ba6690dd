namespace UmbracoPersonalization.Core.Consent;

/// <summary>One purpose granted or denied by the visitor, and when.</summary>
/// <param name="Purpose">A single purpose (not <see cref="ConsentPurposes.Necessary"/>, which is always granted).</param>
/// <param name="Granted">Whether the visitor granted it.</param>
/// <param name="DecidedAt">When the visitor chose.</param>
public sealed record ConsentDecision(ConsentPurposes Purpose, bool Granted, DateTimeOffset DecidedAt);
