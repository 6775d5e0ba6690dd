namespace UmbracoPersonalization.Web.Rendering;

/// <summary>What the package's consent banner shows.</summary>
public sealed record ConsentBannerModel
{
    /// <summary>
    /// Whether to show the banner (the visitor has not chosen under the current policy). The view component renders
    /// its view only then, so a view always sees <c>true</c>; kept for views written against earlier versions.
    /// </summary>
    public bool Show { get; init; }

    /// <summary>Whether the browser sent <c>Sec-GPC: 1</c> (marketing is then never granted; the banner says so).</summary>
    public bool GlobalPrivacyControl { get; init; }

    /// <summary>The consent endpoint.</summary>
    public string Action { get; init; } = "/umbraco/personalization/api/consent";

    /// <summary>Where the form returns to (the current page).</summary>
    public string ReturnUrl { get; init; } = "/";

    /// <summary>Link to the site's privacy page, if given.</summary>
    public string? PrivacyUrl { get; init; }
}
