namespace UmbracoPersonalization.Core.Segments;

/// <summary>What applying one event to a profile did.</summary>
/// <param name="Applied">Whether the event changed the profile (bot events are ignored).</param>
/// <param name="Entered">Aliases of segments entered, in definition order.</param>
/// <param name="Left">Aliases of segments left, in definition order.</param>
public sealed record ProfileUpdateResult(bool Applied, IReadOnlyList<string> Entered, IReadOnlyList<string> Left)
{
    /// <summary>An event that was ignored.</summary>
    public static ProfileUpdateResult Ignored { get; } = new(false, [], []);

    /// <summary>Whether any segment was entered or left.</summary>
    public bool MembershipChanged => Entered.Count > 0 || Left.Count > 0;
}
