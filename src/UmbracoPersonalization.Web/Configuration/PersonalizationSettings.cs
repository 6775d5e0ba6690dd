using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace UmbracoPersonalization.Web.Configuration;

/// <summary>
/// Settings of the personalization package, bound from <c>Umbraco:Personalization</c>.
/// A wrong value stops start-up with a message naming the full configuration key.
/// </summary>
public sealed class PersonalizationSettings
{
    /// <summary>The configuration section the settings are bound from.</summary>
    public const string SectionName = "Umbraco:Personalization";

    /// <summary>The configuration key of the persistence sub-section (read by the persistence package).</summary>
    public const string PersistenceSectionName = SectionName + ":Persistence";

    internal const bool StaticEnabled = true;
    internal const string StaticConsentCookieName = "up_consent";
    internal const string StaticVisitorCookieName = "up_vid";
    internal const string StaticConsentPolicyVersion = "1";
    internal const string StaticSiteTimeZone = "UTC";
    internal const string StaticSessionTimeout = "00:30:00";
    internal const string StaticInterestHalfLife = "14.00:00:00";
    internal const string StaticVisitorCookieLifetime = "365.00:00:00";
    internal const string StaticProfileLoadTimeout = "00:00:00.250";
    internal const string StaticDefinitionRefreshInterval = "00:00:05";
    internal const string StaticDataFolder = "umbraco/Data/Personalization";
    internal const string CookieNamePattern = "^[A-Za-z0-9_.-]{1,64}$";

    /// <summary>
    /// Whether the package's <c>PersonalizationComposer</c> registers the package. Set it to <c>false</c> to register
    /// it yourself with <c>builder.AddPersonalization()</c> (or not at all). Default: <c>true</c>.
    /// </summary>
    [DefaultValue(StaticEnabled)]
    public bool ComposerEnabled { get; set; } = StaticEnabled;

    /// <summary>Whether personalization runs at all. When <c>false</c> nothing is read, set or recorded. Default: <c>true</c>.</summary>
    [DefaultValue(StaticEnabled)]
    public bool Enabled { get; set; } = StaticEnabled;

    /// <summary>
    /// Name of the (strictly necessary) consent cookie. On HTTPS the <c>__Host-</c> prefix is added.
    /// Default: <c>up_consent</c>.
    /// </summary>
    [DefaultValue(StaticConsentCookieName)]
    [Required(ErrorMessage = SectionName + ":ConsentCookieName: a cookie name is required")]
    [RegularExpression(CookieNamePattern, ErrorMessage = SectionName + ":ConsentCookieName: use 1-64 letters, digits, '_', '.' or '-'")]
    public string ConsentCookieName { get; set; } = StaticConsentCookieName;

    /// <summary>
    /// Name of the signed visitor-id cookie, set only with analytics or personalization consent.
    /// On HTTPS the <c>__Host-</c> prefix is added. Default: <c>up_vid</c>.
    /// </summary>
    [DefaultValue(StaticVisitorCookieName)]
    [Required(ErrorMessage = SectionName + ":VisitorCookieName: a cookie name is required")]
    [RegularExpression(CookieNamePattern, ErrorMessage = SectionName + ":VisitorCookieName: use 1-64 letters, digits, '_', '.' or '-'")]
    public string VisitorCookieName { get; set; } = StaticVisitorCookieName;

    /// <summary>
    /// The version of the site's consent policy. A consent given under another version counts as not given,
    /// so visitors are asked again after the policy changes. Default: <c>1</c>.
    /// </summary>
    [DefaultValue(StaticConsentPolicyVersion)]
    [Required(ErrorMessage = SectionName + ":ConsentPolicyVersion: a policy version is required")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,32}$", ErrorMessage = SectionName + ":ConsentPolicyVersion: use 1-32 letters, digits, '_', '.' or '-'")]
    public string ConsentPolicyVersion { get; set; } = StaticConsentPolicyVersion;

    /// <summary>
    /// Request header carrying the visitor's country (ISO 3166-1 alpha-2), set by a CDN or proxy,
    /// e.g. <c>CF-IPCountry</c>. Default: none (country unknown).
    /// </summary>
    public string? CountryHeader { get; set; }

    /// <summary>The site's IANA time zone id, used for time-based conditions. Default: <c>UTC</c>.</summary>
    [DefaultValue(StaticSiteTimeZone)]
    public string SiteTimeZone { get; set; } = StaticSiteTimeZone;

    /// <summary>Inactivity after which a new visit (session) starts. Default: 30 minutes.</summary>
    [DefaultValue(typeof(TimeSpan), StaticSessionTimeout)]
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.Parse(StaticSessionTimeout, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Half-life of category and tag interest scores. Default: 14 days.</summary>
    [DefaultValue(typeof(TimeSpan), StaticInterestHalfLife)]
    public TimeSpan InterestHalfLife { get; set; } = TimeSpan.Parse(StaticInterestHalfLife, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How long the visitor cookie lives. Default: 365 days (at most 400, browsers cap there).</summary>
    [DefaultValue(typeof(TimeSpan), StaticVisitorCookieLifetime)]
    public TimeSpan VisitorCookieLifetime { get; set; } = TimeSpan.Parse(StaticVisitorCookieLifetime, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// How long a request waits for the visitor's stored profile before personalizing from the request alone.
    /// Default: 250 milliseconds (at most 5 seconds).
    /// </summary>
    [DefaultValue(typeof(TimeSpan), StaticProfileLoadTimeout)]
    public TimeSpan ProfileLoadTimeout { get; set; } = TimeSpan.Parse(StaticProfileLoadTimeout, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How often definitions are checked for a new version. Default: 5 seconds.</summary>
    [DefaultValue(typeof(TimeSpan), StaticDefinitionRefreshInterval)]
    public TimeSpan DefinitionRefreshInterval { get; set; } = TimeSpan.Parse(StaticDefinitionRefreshInterval, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Extra user-agent substrings (case-insensitive) that mark a request as a bot, added to the built-in list.
    /// Bots are never profiled or counted. Default: none.
    /// </summary>
    public string[] BotUserAgents { get; set; } = [];

    /// <summary>
    /// Whether an editor may preview a segment with <c>?up-preview=segment-alias</c>. Never honoured in Production.
    /// Default: <c>true</c> in the Development environment, <c>false</c> elsewhere.
    /// </summary>
    public bool PreviewEnabled { get; set; }

    /// <summary>
    /// Folder for the package's files (Data Protection key ring, SQLite database), relative to the content root
    /// or absolute. Default: <c>umbraco/Data/Personalization</c>.
    /// </summary>
    [DefaultValue(StaticDataFolder)]
    [Required(ErrorMessage = SectionName + ":DataFolder: a folder is required")]
    public string DataFolder { get; set; } = StaticDataFolder;

    /// <summary>Umbraco's native segment variants (backoffice segments, request segment, Delivery API).</summary>
    public NativeSegmentSettings Segments { get; set; } = new();

    /// <summary>What the request contributes to conditions beyond the built-in attributes (cookies, session, headers, member).</summary>
    public CriteriaSettings Criteria { get; set; } = new();

    /// <summary>The content catalogue (recommendations) kept in sync with published content.</summary>
    public CatalogueSettings Catalogue { get; set; } = new();

    /// <summary>Block-level variants in Block List / Block Grid.</summary>
    public BlockVariantSettings Blocks { get; set; } = new();
    /// <summary>
    /// Where consent is read from: <see cref="Configuration.ConsentSource.Cookie"/> (the package's own cookie, default)
    /// or <see cref="Configuration.ConsentSource.Tcf"/> (an IAB TCF v2.2 TC string in the <c>euconsent-v2</c> cookie,
    /// falling back to the package's cookie when there is none). A site with another CMP registers its own
    /// <c>IConsentProvider</c> instead.
    /// </summary>
    public ConsentSource ConsentSource { get; set; } = ConsentSource.Cookie;

    /// <summary>The claim carrying a signed-in member's key. Default: <c>ClaimTypes.NameIdentifier</c>.</summary>
    public string MemberKeyClaimType { get; set; } = System.Security.Claims.ClaimTypes.NameIdentifier;

    /// <summary>
    /// Whether a signed-in member's anonymous profile is merged into their member profile automatically (by a global
    /// MVC action filter, after authentication). Default: <c>true</c>. Hosts without MVC call <c>IVisitorSignIn</c>.
    /// </summary>
    public bool MergeOnSignIn { get; set; } = true;

    /// <summary>
    /// Whether a browser still carrying a member's visitor id while nobody is signed in (the member signed out, e.g. on
    /// a shared computer) gets a fresh anonymous id, so the next person is not profiled into the member's profile.
    /// The member's personalization comes back at their next sign-in. Default: <c>true</c>.
    /// </summary>
    public bool RotateVisitorIdOnSignOut { get; set; } = true;

    /// <summary>
    /// Roles that the default <c>UmbracoPersonalization.Management</c> policy accepts (any of them). Empty (default)
    /// means <c>admin</c>. Sites replace the policy itself to use their own rules.
    /// </summary>
    public string[] ManagementRoles { get; set; } = [];

    /// <summary>
    /// Authentication schemes the management endpoints authenticate with (they run before the host's authentication
    /// middleware). Empty (default): the host's default authenticate scheme.
    /// </summary>
    public string[] ManagementAuthenticationSchemes { get; set; } = [];
}
