using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Privacy;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// The preference centre (zero-party data): <c>&lt;vc:preference-centre topics="@(new[] { "bikes", "running" })" /&gt;</c>.
/// Shows what was inferred (interests, segments in plain words, why each placement on this page shows what it shows;
/// render it after the placements, e.g. in the footer) and lets the visitor pick topics, remove an inferred interest,
/// pause personalization, download or erase their data. Choices are saved at once and outrank inferred data.
/// Override <c>Views/Shared/Components/PreferenceCentre/Default.cshtml</c> to restyle it.
/// </summary>
[ViewComponent(Name = "PreferenceCentre")]
public sealed partial class PreferenceCentreViewComponent : ViewComponent
{
    private const int MaxInterests = 8;
    private const string PreferencesUrl = VisitorRightsEndpoint.Path + "/preferences";
    private const string ExportUrl = VisitorRightsEndpoint.Path + "/export";
    private const string EraseUrl = VisitorRightsEndpoint.Path + "/erase";
    private readonly IDefinitionSnapshotProvider _snapshots;
    private readonly SegmentEvaluator _segments;
    private readonly ProfileOptions _profileOptions;

    /// <summary>Creates the view component.</summary>
    public PreferenceCentreViewComponent(IDefinitionSnapshotProvider snapshots, SegmentEvaluator segments, IOptions<ProfileOptions> profileOptions)
    {
        _snapshots = snapshots;
        _segments = segments;
        _profileOptions = profileOptions.Value;
    }

    /// <summary>Renders the preference centre; <paramref name="topics"/> are the topics the site offers to pick.</summary>
    public IViewComponentResult Invoke(IEnumerable<string>? topics = null)
    {
        var feature = HttpContext.Features.Get<PersonalizationFeature>();
        var returnUrl = HttpContext.Request.Path.HasValue && ConsentEndpoint.IsLocalUrl(HttpContext.Request.Path.Value!) ? HttpContext.Request.Path.Value! : "/";
        if (feature is null)
        {
            return View(new PreferenceCentreModel { ReturnUrl = returnUrl });
        }

        var context = feature.VisitorContext;
        var profile = context.Profile;
        var now = context.Request.Timestamp;
        var snapshot = _snapshots.Current;
        var interests = profile.CategoryInterests
            .Select(p => (Name: p.Key, Score: InterestMath.Decay(p.Value, now, _profileOptions.InterestHalfLife)))
            .Where(p => p.Score >= 0.5)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Take(MaxInterests)
            .Select(p => new PreferenceCentreInterest(p.Name, p.Score >= 5 ? "strong" : p.Score >= 2 ? "some" : "a little"))
            .ToList();
        var segments = profile.PersonalizationPaused ? [] : _segments.GetSegments(context)
            .Select(alias => snapshot.TryGetSegment(alias, out var s) ? new PreferenceCentreSegment(s.Definition.Name, s.Definition.Description) : null)
            .OfType<PreferenceCentreSegment>()
            .ToList();
        var chosen = profile.Topics.Order(StringComparer.OrdinalIgnoreCase).ToList();
        return View(new PreferenceCentreModel
        {
            CanStore = context.Consent.AllowsStorage && feature.VisitorId is not null,
            Paused = profile.PersonalizationPaused,
            Interests = interests,
            ChosenTopics = chosen,
            OfferedTopics = (topics ?? []).Where(t => !string.IsNullOrWhiteSpace(t) && !profile.Topics.Contains(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Segments = segments,
            Explanations = feature.Decisions.Where(d => d.Variant is not null).Select(d => Explain(d, snapshot)).ToList(),
            PreferencesUrl = PreferencesUrl,
            ExportUrl = ExportUrl,
            EraseUrl = EraseUrl,
            ReturnUrl = returnUrl,
        });
    }

    /// <summary>A decision's reason in words a visitor understands (no aliases, conditions or arm numbers).</summary>
    internal static PreferenceCentreExplanation Explain(Decision decision, DefinitionSnapshot snapshot)
    {
        var variant = decision.Variant?.Name ?? decision.Variant?.Key ?? string.Empty;
        var last = decision.Reasons.Count == 0 ? default : decision.Reasons[^1];
        string why;
        if (decision.Reasons.Any(r => r.Kind == DecisionReasonKind.Paused))
        {
            why = "You paused personalization, so you see what everyone sees.";
        }
        else if (decision.Reasons.Any(r => r.Kind == DecisionReasonKind.Preview))
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

    [GeneratedRegex(@"\(segment ([a-z0-9-]+)\)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SegmentInReason();
}
