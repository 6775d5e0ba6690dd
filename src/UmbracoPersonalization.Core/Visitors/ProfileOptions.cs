using System.ComponentModel;

namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// How profiles are built: visits, interest decay and lifecycle thresholds. Bound from
/// <c>Umbraco:Personalization:Profile</c> by the web layer; validated by <see cref="ProfileOptionsValidator"/>.
/// </summary>
/// <remarks>
/// Lifecycle stages, evaluated at a moment <c>t</c> (the request time, or the event time when a profile is updated):
/// <list type="number">
/// <item><description><see cref="LifecycleStage.Lapsed"/>: not seen for <see cref="LapsedAfter"/> (60 days) or more, whatever the visits.</description></item>
/// <item><description><see cref="LifecycleStage.AtRisk"/>: would be engaged or loyal but not seen for <see cref="AtRiskAfter"/> (14 days) or more.</description></item>
/// <item><description><see cref="LifecycleStage.Loyal"/>: at least <see cref="LoyalMinVisits"/> (5) visits.</description></item>
/// <item><description><see cref="LifecycleStage.Engaged"/>: at least <see cref="EngagedMinVisits"/> (2) visits.</description></item>
/// <item><description><see cref="LifecycleStage.New"/>: otherwise (first visit).</description></item>
/// </list>
/// </remarks>
public sealed class ProfileOptions
{
    /// <summary>The configuration section the web layer binds these options from.</summary>
    public const string SectionName = "Umbraco:Personalization:Profile";

    private const string StaticSessionTimeout = "00:30:00";
    private const string StaticInterestHalfLife = "7.00:00:00";
    private const double StaticPageViewInterest = 1.0;
    private const double StaticClickInterest = 0.5;
    private const int StaticEngagedMinVisits = 2;
    private const int StaticLoyalMinVisits = 5;
    private const string StaticAtRiskAfter = "14.00:00:00";
    private const string StaticLapsedAfter = "60.00:00:00";
    private const int StaticMaxInterests = 100;
    private const int StaticMaxPreferences = 32;
    private const int StaticMaxPreferenceLength = 256;
    private const string StaticPreferenceEventName = "preference";

    /// <summary>Inactivity after which the next event starts a new visit. Default 30 minutes.</summary>
    [DefaultValue(StaticSessionTimeout)]
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.Parse(StaticSessionTimeout, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Time for an interest score to halve: <c>score(t) = s·2^(-Δt/halfLife)</c>. Default 7 days.</summary>
    [DefaultValue(StaticInterestHalfLife)]
    public TimeSpan InterestHalfLife { get; set; } = TimeSpan.Parse(StaticInterestHalfLife, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Interest added to each category and tag of a viewed page. Default 1.</summary>
    [DefaultValue(StaticPageViewInterest)]
    public double PageViewInterest { get; set; } = StaticPageViewInterest;

    /// <summary>Interest added to each category and tag of clicked content. Default 0.5.</summary>
    [DefaultValue(StaticClickInterest)]
    public double ClickInterest { get; set; } = StaticClickInterest;

    /// <summary>Visits from which a visitor is <see cref="LifecycleStage.Engaged"/>. Default 2.</summary>
    [DefaultValue(StaticEngagedMinVisits)]
    public int EngagedMinVisits { get; set; } = StaticEngagedMinVisits;

    /// <summary>Visits from which a visitor is <see cref="LifecycleStage.Loyal"/>. Default 5.</summary>
    [DefaultValue(StaticLoyalMinVisits)]
    public int LoyalMinVisits { get; set; } = StaticLoyalMinVisits;

    /// <summary>Absence after which an engaged or loyal visitor is <see cref="LifecycleStage.AtRisk"/>. Default 14 days.</summary>
    [DefaultValue(StaticAtRiskAfter)]
    public TimeSpan AtRiskAfter { get; set; } = TimeSpan.Parse(StaticAtRiskAfter, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Absence after which any visitor is <see cref="LifecycleStage.Lapsed"/>. Default 60 days.</summary>
    [DefaultValue(StaticLapsedAfter)]
    public TimeSpan LapsedAfter { get; set; } = TimeSpan.Parse(StaticLapsedAfter, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Most categories (and, separately, tags) kept per profile; the weakest are dropped. Default 100.</summary>
    [DefaultValue(StaticMaxInterests)]
    public int MaxInterests { get; set; } = StaticMaxInterests;

    /// <summary>Most explicit preferences kept per profile; further new keys are ignored. Default 32.</summary>
    [DefaultValue(StaticMaxPreferences)]
    public int MaxPreferences { get; set; } = StaticMaxPreferences;

    /// <summary>Longest preference key or value kept; longer ones are ignored. Default 256 characters.</summary>
    [DefaultValue(StaticMaxPreferenceLength)]
    public int MaxPreferenceLength { get; set; } = StaticMaxPreferenceLength;

    /// <summary>
    /// Name of the <see cref="Events.VisitorEventType.Custom"/> event whose properties are explicit preferences
    /// (zero-party data; an empty value removes the preference). Default <c>preference</c>.
    /// </summary>
    [DefaultValue(StaticPreferenceEventName)]
    public string PreferenceEventName { get; set; } = StaticPreferenceEventName;
}
