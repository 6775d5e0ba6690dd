namespace UmbracoPersonalization.Web.Rendering;

/// <summary>What the preference centre shows (every string is plain text; the view encodes it).</summary>
public sealed record PreferenceCentreModel
{
    /// <summary>Whether the visitor allowed storage (analytics or personalization); without it nothing is kept and choices cannot be saved.</summary>
    public bool CanStore { get; init; }

    /// <summary>Whether the visitor paused personalization.</summary>
    public bool Paused { get; init; }

    /// <summary>Inferred interests, strongest first.</summary>
    public IReadOnlyList<PreferenceCentreInterest> Interests { get; init; } = [];

    /// <summary>Topics the visitor picked.</summary>
    public IReadOnlyList<string> ChosenTopics { get; init; } = [];

    /// <summary>Topics the site offers to pick (not yet picked).</summary>
    public IReadOnlyList<string> OfferedTopics { get; init; } = [];

    /// <summary>Segments the visitor is in, by their editor-given names and descriptions.</summary>
    public IReadOnlyList<PreferenceCentreSegment> Segments { get; init; } = [];

    /// <summary>"Why am I seeing this?" for each placement decided on this page so far.</summary>
    public IReadOnlyList<PreferenceCentreExplanation> Explanations { get; init; } = [];

    /// <summary>The preferences endpoint.</summary>
    public string PreferencesUrl { get; init; } = "/umbraco/personalization/api/me/preferences";

    /// <summary>The export endpoint.</summary>
    public string ExportUrl { get; init; } = "/umbraco/personalization/api/me/export";

    /// <summary>The erase endpoint.</summary>
    public string EraseUrl { get; init; } = "/umbraco/personalization/api/me/erase";

    /// <summary>Where forms return to (the current page).</summary>
    public string ReturnUrl { get; init; } = "/";

    /// <summary>For an on-demand centre opened on this request: the same page without it (a link to close it).</summary>
    public string? CloseUrl { get; init; }
}

/// <summary>An inferred interest in plain words.</summary>
/// <param name="Name">The category or tag.</param>
/// <param name="Strength">"strong", "some" or "a little".</param>
public sealed record PreferenceCentreInterest(string Name, string Strength);

/// <summary>A segment the visitor is in.</summary>
/// <param name="Name">The editor-given name.</param>
/// <param name="Description">The editor-given description, if any.</param>
public sealed record PreferenceCentreSegment(string Name, string? Description);

/// <summary>Why a placement shows what it shows.</summary>
/// <param name="Placement">The placement alias.</param>
/// <param name="Variant">The variant's name.</param>
/// <param name="Why">The reason in plain words.</param>
public sealed record PreferenceCentreExplanation(string Placement, string Variant, string Why);
