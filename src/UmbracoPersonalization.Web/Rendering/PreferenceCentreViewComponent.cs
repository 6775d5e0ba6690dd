using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Caching;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Privacy;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// The preference centre (zero-party data): <c>&lt;vc:preference-centre topics="@(new[] { "bikes", "running" })" /&gt;</c>.
/// Shows what was inferred (interests, segments in plain words, why each placement on this page shows what it shows;
/// render it after the placements, e.g. in the footer) and lets the visitor pick topics, remove an inferred interest,
/// pause personalization, download or erase their data. Choices are saved at once and outrank inferred data.
/// Override <c>Views/Shared/Components/PreferenceCentre/Default.cshtml</c> to restyle it. Renders nothing while
/// personalization is switched off (<see cref="PersonalizationSettings.Enabled"/>).
/// </summary>
/// <remarks>
/// With <c>on-demand="true"</c> the page carries only a link (<c>a.up-preferences__open</c>) to itself with
/// <c>?up-preferences=open</c>; the centre is built and rendered only on that request, where it has a link to close it
/// again. Most visitors never open it, so this saves every other page view the work (use it where the centre would sit
/// collapsed, e.g. a page footer; a dedicated privacy page renders it in full).
/// </remarks>
[ViewComponent(Name = "PreferenceCentre")]
public sealed partial class PreferenceCentreViewComponent : ViewComponent
{
    /// <summary>The query string key (with the value <c>open</c>) that opens an on-demand preference centre.</summary>
    public const string OpenQueryKey = "up-preferences";

    /// <summary>The element id of the preference centre, the fragment its open and close links point to.</summary>
    public const string ElementId = "up-preferences";

    private const int MaxInterests = 8;
    private const string PreferencesUrl = VisitorRightsEndpoint.Path + "/preferences";
    private const string ExportUrl = VisitorRightsEndpoint.Path + "/export";
    private const string EraseUrl = VisitorRightsEndpoint.Path + "/erase";
    private const string DefaultOpenText = "Why am I seeing this? Your personalization";

    // The rendered link of a closed on-demand centre, per path base, path and link text; unusually long keys are not kept.
    private static readonly BoundedMemo<(string PathBase, string Path, string Text), HtmlString> OpenLinks =
        new(1024, memoizable: static key => key.PathBase.Length + key.Path.Length + key.Text.Length <= 1024);

    private readonly IDefinitionSnapshotProvider _snapshots;
    private readonly SegmentEvaluator _segments;
    private readonly ProfileOptions _profileOptions;
    private readonly IOptionsMonitor<PersonalizationSettings> _settings;

    /// <summary>Creates the view component.</summary>
    public PreferenceCentreViewComponent(
        IDefinitionSnapshotProvider snapshots,
        SegmentEvaluator segments,
        IOptions<ProfileOptions> profileOptions,
        IOptionsMonitor<PersonalizationSettings> settings)
    {
        _snapshots = snapshots;
        _segments = segments;
        _profileOptions = profileOptions.Value;
        _settings = settings;
    }

    /// <summary>Renders the preference centre.</summary>
    /// <param name="topics">The topics the site offers to pick.</param>
    /// <param name="onDemand">Render only a link that opens the centre (the same page with <c>?up-preferences=open</c>), unless this request is that one.</param>
    /// <param name="openText">The on-demand link's text; by default "Why am I seeing this? Your personalization".</param>
    public IViewComponentResult Invoke(IEnumerable<string>? topics = null, bool onDemand = false, string? openText = null)
    {
        if (!_settings.CurrentValue.Enabled)
        {
            // Switched off: nothing is inferred or stored, and the endpoints its forms post to answer 404.
            return Content(string.Empty);
        }

        var request = HttpContext.Request;
        string? closeUrl = null;
        string returnUrl;
        if (onDemand)
        {
            if (!request.QueryString.HasValue)
            {
                // Most page views: the closed centre's link depends on the page's path and the link text alone, so
                // it is rendered once per path rather than built and encoded on every request.
                var key = (request.PathBase.Value ?? string.Empty, request.Path.Value ?? string.Empty, openText ?? DefaultOpenText);
                return new HtmlContentViewComponentResult(OpenLinks.GetOrAdd(key, request, static (key, request) =>
                    PreferenceCentreOpenLink.Render(PreferenceCentreLinks.For(request, OpenQueryKey).OpenUrl, key.Text)));
            }

            var links = PreferenceCentreLinks.For(request, OpenQueryKey);
            if (!links.IsOpen)
            {
                return new HtmlContentViewComponentResult(new PreferenceCentreOpenLink(links.OpenUrl, openText ?? DefaultOpenText));
            }

            closeUrl = links.CloseUrl;
            returnUrl = links.OpenUrl;
        }
        else
        {
            returnUrl = request.Path.HasValue && ConsentEndpoint.IsLocalUrl(request.Path.Value!) ? request.Path.Value! : "/";
        }

        var feature = HttpContext.Features.Get<PersonalizationFeature>();
        if (feature is null)
        {
            return View(new PreferenceCentreModel { ReturnUrl = returnUrl, CloseUrl = closeUrl });
        }

        var context = feature.VisitorContext;
        var profile = context.Profile;
        var snapshot = _snapshots.Current;
        return View(new PreferenceCentreModel
        {
            CanStore = context.Consent.AllowsStorage && feature.VisitorId is not null,
            Paused = profile.PersonalizationPaused,
            Interests = Interests(profile, context.Request.Timestamp, _profileOptions.InterestHalfLife),
            ChosenTopics = ChosenTopics(profile),
            OfferedTopics = OfferedTopics(topics, profile),
            Segments = profile.PersonalizationPaused ? [] : Segments(_segments.GetSegments(context), snapshot),
            Explanations = Explanations(feature.Decisions, snapshot),
            PreferencesUrl = PreferencesUrl,
            ExportUrl = ExportUrl,
            EraseUrl = EraseUrl,
            ReturnUrl = returnUrl,
            CloseUrl = closeUrl,
        });
    }

    // The preference centre is rendered on every page a consenting visitor sees: plain loops, no LINQ pipelines.
    private static List<PreferenceCentreInterest> Interests(VisitorProfile profile, DateTimeOffset now, TimeSpan halfLife)
    {
        if (profile.CategoryInterests.Count == 0)
        {
            return [];
        }

        var scored = new List<(string Name, double Score)>(profile.CategoryInterests.Count);
        foreach (var (name, score) in profile.CategoryInterests)
        {
            var decayed = InterestMath.Decay(score, now, halfLife);
            if (decayed >= 0.5)
            {
                scored.Add((name, decayed));
            }
        }

        scored.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Name, b.Name));
        var interests = new List<PreferenceCentreInterest>(Math.Min(scored.Count, MaxInterests));
        for (var i = 0; i < scored.Count && i < MaxInterests; i++)
        {
            var score = scored[i].Score;
            interests.Add(new PreferenceCentreInterest(scored[i].Name, score >= 5 ? "strong" : score >= 2 ? "some" : "a little"));
        }

        return interests;
    }

    private static string[] ChosenTopics(VisitorProfile profile)
    {
        if (profile.Topics.Count == 0)
        {
            return [];
        }

        var chosen = new string[profile.Topics.Count];
        profile.Topics.CopyTo(chosen);
        Array.Sort(chosen, StringComparer.OrdinalIgnoreCase);
        return chosen;
    }

    private static List<string> OfferedTopics(IEnumerable<string>? topics, VisitorProfile profile)
    {
        var offered = new List<string>();
        if (topics is null)
        {
            return offered;
        }

        foreach (var topic in topics)
        {
            if (!string.IsNullOrWhiteSpace(topic) && !profile.Topics.Contains(topic) && !ContainsIgnoringCase(offered, topic))
            {
                offered.Add(topic);
            }
        }

        return offered;
    }

    private static bool ContainsIgnoringCase(List<string> values, string value)
    {
        foreach (var existing in values)
        {
            if (string.Equals(existing, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static List<PreferenceCentreSegment> Segments(IReadOnlyList<string> aliases, DefinitionSnapshot snapshot)
    {
        var segments = new List<PreferenceCentreSegment>(aliases.Count);
        for (var i = 0; i < aliases.Count; i++)
        {
            if (snapshot.TryGetSegment(aliases[i], out var segment))
            {
                segments.Add(new PreferenceCentreSegment(segment.Definition.Name, segment.Definition.Description));
            }
        }

        return segments;
    }

    private static List<PreferenceCentreExplanation> Explanations(List<Decision> decisions, DefinitionSnapshot snapshot)
    {
        var explanations = new List<PreferenceCentreExplanation>(decisions.Count);
        foreach (var decision in decisions)
        {
            if (decision.Variant is not null)
            {
                explanations.Add(Explain(decision, snapshot));
            }
        }

        return explanations;
    }

    /// <summary>A decision's reason in words a visitor understands (no aliases, conditions or arm numbers).</summary>
    internal static PreferenceCentreExplanation Explain(Decision decision, DefinitionSnapshot snapshot)
    {
        var variant = decision.Variant?.Name ?? decision.Variant?.Key ?? string.Empty;
        var last = decision.Reasons.Count == 0 ? default : decision.Reasons[^1];
        string why;
        if (HasReason(decision, DecisionReasonKind.Paused))
        {
            why = "You paused personalization, so you see what everyone sees.";
        }
        else if (HasReason(decision, DecisionReasonKind.Preview))
        {
            why = "An editor is previewing this page.";
        }
        else if (last.Kind == DecisionReasonKind.RuleMatched && SegmentInReason().Match(last.Message) is { Success: true } match)
        {
            var alias = match.Groups[1].Value;
            var name = snapshot.TryGetSegment(alias, out var segment) ? segment.Definition.Name : alias;
            why = $"Shown because you are in the group \"{name}\".";
        }
        else if (last.Kind == DecisionReasonKind.RuleMatched)
        {
            why = "Shown because of how you arrived or what you looked at (for example a campaign link, your device or the time of day).";
        }
        else if (last.Kind == DecisionReasonKind.ExperimentAssigned)
        {
            why = "We are comparing versions of this part of the page; you were picked at random to see this one.";
        }
        else
        {
            why = "Everyone sees this version.";
        }

        return new PreferenceCentreExplanation(decision.Placement, variant, why);
    }

    private static bool HasReason(Decision decision, DecisionReasonKind kind)
    {
        var reasons = decision.Reasons;
        for (var i = 0; i < reasons.Count; i++)
        {
            if (reasons[i].Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\(segment ([a-z0-9-]+)\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SegmentInReason();
}
