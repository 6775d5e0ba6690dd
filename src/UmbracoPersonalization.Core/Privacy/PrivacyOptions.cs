using System.ComponentModel;

namespace UmbracoPersonalization.Core.Privacy;

/// <summary>
/// Data minimisation (section <c>Umbraco:Personalization:Privacy</c>). The IP address is never stored in any case
/// (nothing in the package writes it); the user agent is only kept as a device class.
/// </summary>
public sealed class PrivacyOptions
{
    /// <summary>Every profile attribute group that can be stored.</summary>
    public static IReadOnlyList<string> AllProfileAttributes { get; } =
        [ProfileAttributeGroups.Referrer, ProfileAttributeGroups.Campaign, ProfileAttributeGroups.Device, ProfileAttributeGroups.Language,
            ProfileAttributeGroups.Country, ProfileAttributeGroups.Interests, ProfileAttributeGroups.Goals, ProfileAttributeGroups.Preferences];

    /// <summary>Query keys kept in stored URLs and referrers (a trailing <c>*</c> matches a prefix). Default <c>utm_*</c>.</summary>
    public IList<string> AllowedQueryKeys { get; set; } = [.. UrlMinimizer.DefaultAllowedQueryKeys];

    /// <summary>
    /// Profile attribute groups that may be stored (see <see cref="ProfileAttributeGroups"/>); groups left out are
    /// cleared before a profile is saved and never reach the database. Default: all of them.
    /// Counters, first/last seen and segment memberships are always kept: personalization needs them.
    /// </summary>
    public IList<string> StoredProfileAttributes { get; set; } = [.. AllProfileAttributes];

    /// <summary>Whether to keep referrers at all (minimised like page URLs). Default <c>true</c>.</summary>
    [DefaultValue(true)]
    public bool StoreReferrers { get; set; } = true;
}
