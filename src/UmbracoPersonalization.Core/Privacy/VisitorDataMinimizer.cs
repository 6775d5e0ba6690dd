using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Privacy;

/// <summary>
/// Applies <see cref="PrivacyOptions"/> to what is about to be stored: events lose query strings (except allow-listed
/// keys), fragments and user info in URLs and referrers; profiles lose attribute groups that are not allow-listed.
/// </summary>
public sealed class VisitorDataMinimizer
{
    private readonly IOptionsMonitor<PrivacyOptions> _options;

    // What the current options mean, read once per options instance (a reload brings a new one): this runs for every
    // event and every profile the worker stores, and rebuilding the allow-lists allocated a set and an array each time.
    private Rules? _rules;

    /// <summary>Creates the minimizer.</summary>
    public VisitorDataMinimizer(IOptionsMonitor<PrivacyOptions> options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>The event as it may be stored.</summary>
    public VisitorEvent Minimize(VisitorEvent visitorEvent)
    {
        ArgumentNullException.ThrowIfNull(visitorEvent);
        var rules = Current();
        var options = rules.Options;
        var keys = rules.QueryKeys;
        var url = UrlMinimizer.Minimize(visitorEvent.Url, keys);
        var referrer = options.StoreReferrers ? UrlMinimizer.Minimize(visitorEvent.Referrer, keys) : null;
        return url == visitorEvent.Url && referrer == visitorEvent.Referrer
            ? visitorEvent
            : visitorEvent with { Url = url, Referrer = referrer };
    }

    /// <summary>Clears, in place, the profile attribute groups that may not be stored, and minimises referrers.</summary>
    public void Minimize(VisitorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var rules = Current();
        var options = rules.Options;
        var allowed = rules.StoredAttributes;
        var keys = rules.QueryKeys;
        if (!allowed.Contains(ProfileAttributeGroups.Referrer) || !options.StoreReferrers)
        {
            profile.FirstReferrer = null;
            profile.LastReferrer = null;
        }
        else
        {
            profile.FirstReferrer = UrlMinimizer.Minimize(profile.FirstReferrer, keys);
            profile.LastReferrer = UrlMinimizer.Minimize(profile.LastReferrer, keys);
        }

        if (!allowed.Contains(ProfileAttributeGroups.Campaign))
        {
            profile.FirstUtm = null;
            profile.LastUtm = null;
        }

        if (!allowed.Contains(ProfileAttributeGroups.Device))
        {
            profile.Device = DeviceClass.Unknown;
        }

        if (!allowed.Contains(ProfileAttributeGroups.Language))
        {
            profile.Language = null;
        }

        if (!allowed.Contains(ProfileAttributeGroups.Country))
        {
            profile.Country = null;
        }

        if (!allowed.Contains(ProfileAttributeGroups.Interests))
        {
            profile.CategoryInterests.Clear();
            profile.TagInterests.Clear();
        }

        if (!allowed.Contains(ProfileAttributeGroups.Goals))
        {
            profile.Goals.Clear();
        }

        if (!allowed.Contains(ProfileAttributeGroups.Preferences))
        {
            profile.Preferences.Clear();
            profile.Topics.Clear();
        }
    }

    private Rules Current()
    {
        var options = _options.CurrentValue;
        var rules = Volatile.Read(ref _rules);
        if (rules is null || !ReferenceEquals(rules.Options, options))
        {
            rules = new Rules(options, [.. options.AllowedQueryKeys], new HashSet<string>(options.StoredProfileAttributes, StringComparer.OrdinalIgnoreCase));
            Volatile.Write(ref _rules, rules);
        }

        return rules;
    }

    private sealed record Rules(PrivacyOptions Options, string[] QueryKeys, HashSet<string> StoredAttributes);
}
