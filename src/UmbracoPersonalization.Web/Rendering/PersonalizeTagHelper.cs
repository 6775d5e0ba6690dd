using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Logging;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// Shows its content only to visitors in a segment (<c>segment</c>) and/or not in one (<c>not-segment</c>):
/// <c>&lt;personalize segment="returning-visitors"&gt;Welcome back!&lt;/personalize&gt;</c>.
/// Only segment aliases are accepted: an inline <c>condition</c> attribute hides the content (conditions are
/// validated and compiled when a segment is saved, never parsed from a view). When deciding fails, the visitor
/// counts as in no segment. The element itself is not rendered, only its content.
/// </summary>
[HtmlTargetElement("personalize")]
public sealed class PersonalizeTagHelper : TagHelper
{
    private readonly IPersonalizer? _personalizer;
    private readonly IVisitorContextAccessor _accessor;
    private readonly IOptionsMonitor<PersonalizationSettings> _settings;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<PersonalizeTagHelper> _logger;

    /// <summary>Creates the tag helper.</summary>
    public PersonalizeTagHelper(
        IVisitorContextAccessor accessor,
        IOptionsMonitor<PersonalizationSettings> settings,
        IHostEnvironment environment,
        ILogger<PersonalizeTagHelper> logger,
        IPersonalizer? personalizer = null)
    {
        _personalizer = personalizer;
        _accessor = accessor;
        _settings = settings;
        _environment = environment;
        _logger = logger;
    }

    /// <summary>Show the content only when the visitor is in this segment (alias).</summary>
    [HtmlAttributeName("segment")]
    public string? Segment { get; set; }

    /// <summary>Show the content only when the visitor is not in this segment (alias).</summary>
    [HtmlAttributeName("not-segment")]
    public string? NotSegment { get; set; }

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;

        if (context.AllAttributes.ContainsName("condition"))
        {
            Log.InlineConditionRejected(_logger);
            Suppress(output, "inline conditions are not allowed; use segment=\"alias\"");
            return;
        }

        var show = (Segment is null || IsInSegment(Segment)) && (NotSegment is null || !IsInSegment(NotSegment));
        if (!show)
        {
            Suppress(output, null);
        }
    }

    private bool IsInSegment(string alias)
    {
        var context = _settings.CurrentValue.Enabled ? _accessor.VisitorContext : null;
        if (context is null || string.IsNullOrWhiteSpace(alias) || _personalizer is not { } personalizer)
        {
            return false;
        }

        try
        {
            return personalizer.IsInSegment(alias.Trim(), context);
        }
        catch (Exception ex)
        {
            Log.SegmentCheckFailed(_logger, alias, ex);
            return false;
        }
    }

    private void Suppress(TagHelperOutput output, string? note)
    {
        output.SuppressOutput();
        if (note is not null && !_environment.IsProduction())
        {
            output.Content.SetHtmlContent($"<!-- up: {note} -->");
        }
    }
}
