namespace UmbracoPersonalization.Core.Privacy;

/// <summary>Names of the profile attribute groups for <see cref="PrivacyOptions.StoredProfileAttributes"/>.</summary>
public static class ProfileAttributeGroups
{
    /// <summary>First and latest referrer.</summary>
    public const string Referrer = "referrer";

    /// <summary>First and latest campaign (UTM) parameters.</summary>
    public const string Campaign = "utm";

    /// <summary>The device class (never the user agent).</summary>
    public const string Device = "device";

    /// <summary>The preferred language.</summary>
    public const string Language = "language";

    /// <summary>The country (never the IP address).</summary>
    public const string Country = "country";

    /// <summary>Category and tag interests.</summary>
    public const string Interests = "interests";

    /// <summary>Goals reached.</summary>
    public const string Goals = "goals";

    /// <summary>Explicit preferences and chosen topics.</summary>
    public const string Preferences = "preferences";
}
