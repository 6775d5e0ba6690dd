using System.Collections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Models.Blocks;
using Umbraco.Cms.Core.Models.PublishedContent;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Blocks;

/// <summary>
/// Keeps, of each group of alternative blocks (same <c>upGroup</c> in a personalization settings element), the first
/// block in content order that matches the visitor (schedule, segment, placement variant), else the group's fallback
/// block, else none. Blocks outside any group are kept as they are. The block shown per group is recorded as an
/// exposure event (identified visitors with analytics consent only). Never throws: on failure the fallbacks are shown.
/// </summary>
public sealed class BlockVariantSelector
{
    // The "group" of a block whose group cannot be read: a distinct instance, told apart by reference.
    private static readonly string Unreadable = new('\0', 1);

    private readonly IVisitorContextAccessor _visitors;
    private readonly IPersonalizer _personalizer;
    private readonly IOptionsMonitor<PersonalizationSettings> _settings;
    private readonly IEventQueue? _events;

    /// <summary>Creates the selector.</summary>
    public BlockVariantSelector(
        IVisitorContextAccessor visitors,
        IPersonalizer personalizer,
        IOptionsMonitor<PersonalizationSettings> settings,
        IEventQueue? events = null)
    {
        _visitors = visitors;
        _personalizer = personalizer;
        _settings = settings;
        _events = events;
    }

    /// <summary>A Block List with only the decided block of each group.</summary>
    /// <param name="blocks">The block list (null gives an empty one).</param>
    /// <returns>A new model.</returns>
    public BlockListModel Select(BlockListModel? blocks) =>
        blocks is null ? BlockListModel.Empty : new BlockListModel(Select(blocks, out _).ToList());

    /// <summary>
    /// A Block Grid with only the decided block of each group, at the top level and inside every area (groups are
    /// per area). Items with areas are copied, never changed: published content is shared between requests.
    /// </summary>
    /// <param name="blocks">The block grid (null gives an empty one).</param>
    /// <returns>A new model with the same grid columns.</returns>
    public BlockGridModel Select(BlockGridModel? blocks) =>
        blocks is null ? BlockGridModel.Empty : new BlockGridModel(SelectGrid(blocks), blocks.GridColumns);

    /// <summary>
    /// A Block Grid's top-level items to render, the decided block of each group, with every area filtered the same way
    /// (groups are per area), and the choices made for the top level's groups.
    /// </summary>
    /// <param name="blocks">The block grid.</param>
    /// <param name="choices">What was chosen per top-level group, with reasons.</param>
    /// <returns>The items to render: copies where an area changed, never the published items changed.</returns>
    public IReadOnlyList<BlockGridItem> Select(BlockGridModel blocks, out IReadOnlyList<BlockChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        return Select((IEnumerable<BlockGridItem>)blocks, out choices).Select(WithSelectedAreas).ToList();
    }

    private List<BlockGridItem> SelectGrid(IEnumerable<BlockGridItem> items) =>
        Select(items, out _).Select(WithSelectedAreas).ToList();

    private BlockGridItem WithSelectedAreas(BlockGridItem item)
    {
        if (!item.Areas.Any())
        {
            return item;
        }

        return new BlockGridItem(item.ContentKey, item.Content, item.SettingsKey, item.Settings)
        {
            RowSpan = item.RowSpan,
            ColumnSpan = item.ColumnSpan,
            GridColumns = item.GridColumns,
            AreaGridColumns = item.AreaGridColumns,
            Areas = item.Areas.Select(area => new BlockGridArea(SelectGrid(area), area.Alias, area.RowSpan, area.ColumnSpan)).ToList(),
        };
    }

    /// <summary>The blocks to render, in content order, and the choice made for each group.</summary>
    /// <typeparam name="TBlock">Block List or Block Grid items.</typeparam>
    /// <param name="blocks">The blocks.</param>
    /// <param name="choices">What was chosen per group, with reasons.</param>
    /// <returns>The blocks to render.</returns>
    public IReadOnlyList<TBlock> Select<TBlock>(IEnumerable<TBlock> blocks, out IReadOnlyList<BlockChoice> choices)
        where TBlock : class, IBlockReference<IPublishedElement, IPublishedElement>
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var convention = _settings.CurrentValue.Blocks;
        var context = _settings.CurrentValue.Enabled ? _visitors.VisitorContext : null;
        if (context is { Profile.PersonalizationPaused: true, PreviewSegment: null })
        {
            context = null; // the visitor paused personalization: fallbacks only
        }

        var all = blocks.ToList();
        var groups = new Dictionary<string, List<TBlock>>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in all)
        {
            if (GroupOf(block, convention) is { } group && !ReferenceEquals(group, Unreadable))
            {
                (groups.TryGetValue(group, out var members) ? members : groups[group] = []).Add(block);
            }
        }

        var chosen = new Dictionary<string, BlockChoice>(StringComparer.OrdinalIgnoreCase);
        foreach (var (group, members) in groups)
        {
            chosen[group] = Choose(group, members, convention, context);
        }

        choices = chosen.Values.ToList();
        RecordExposures(choices, context);
        return all
            .Where(b => GroupOf(b, convention) switch
            {
                null => true,
                var group when ReferenceEquals(group, Unreadable) => false,
                var group => ReferenceEquals(chosen[group].Block, b),
            })
            .ToList();
    }

    private BlockChoice Choose<TBlock>(string group, List<TBlock> members, BlockVariantSettings convention, VisitorContext? context)
        where TBlock : class, IBlockReference<IPublishedElement, IPublishedElement>
    {
        TBlock? fallback = null;
        var unreadable = false;
        foreach (var block in members)
        {
            // A property value converter may throw; such a block is never shown, and the page still renders.
            try
            {
                var settings = block.Settings!;
                if (Bool(Value(settings, convention.FallbackProperty)))
                {
                    fallback ??= block;
                    continue;
                }

                if (context is not null && Matches(settings, convention, context, out var reason))
                {
                    return new BlockChoice(group, block, reason);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                unreadable = true;
            }
        }

        return new BlockChoice(
            group,
            fallback,
            context is null ? "fallback: personalization is not running"
            : unreadable ? "fallback: a block's settings could not be read"
            : fallback is null ? "no block matched and no fallback block" : "fallback: no block matched");
    }

    private bool Matches(IPublishedElement settings, BlockVariantSettings convention, VisitorContext context, out string reason)
    {
        var parts = new List<string>();
        var now = context.Request.Timestamp.DateTime;
        if (Date(Value(settings, convention.ShowFromProperty)) is { } from)
        {
            if (now < from)
            {
                reason = string.Empty;
                return false;
            }

            parts.Add($"from {from:yyyy-MM-dd HH:mm}");
        }

        if (Date(Value(settings, convention.ShowUntilProperty)) is { } until)
        {
            if (now >= until)
            {
                reason = string.Empty;
                return false;
            }

            parts.Add($"until {until:yyyy-MM-dd HH:mm}");
        }

        var segments = Strings(Value(settings, convention.SegmentProperty));
        if (segments.Count > 0)
        {
            var match = segments.FirstOrDefault(s => _personalizer.IsInSegment(s, context));
            if (match is null)
            {
                reason = string.Empty;
                return false;
            }

            parts.Add($"segment {match}");
        }

        if (Value(settings, convention.PlacementProperty) is string { Length: > 0 } placement)
        {
            var variant = Value(settings, convention.VariantProperty) as string;
            var decision = _personalizer.Decide(placement, context);
            if (decision.Variant is null || !string.Equals(decision.Variant.Key, variant?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                reason = string.Empty;
                return false;
            }

            parts.Add(decision.ExperimentKey is { } experiment
                ? $"experiment {experiment} arm {decision.ExperimentArm} (variant {variant})"
                : $"placement {placement} variant {variant}");
        }

        reason = parts.Count == 0 ? "no conditions" : string.Join(", ", parts);
        return true;
    }

    private void RecordExposures(IReadOnlyList<BlockChoice> choices, VisitorContext? context)
    {
        // The id the page view is recorded under too: a sign-in during this request may have moved the browser to the
        // member's id, while the context keeps the profile the request started with.
        if (_events is null || context is null || !context.IsIdentified || !context.Consent.Allows(ConsentPurposes.Analytics)
            || _visitors.VisitorId is not { } visitorId)
        {
            return;
        }

        foreach (var choice in choices.Where(c => c.Block is not null))
        {
            _events.TryEnqueue(new VisitorEvent
            {
                Id = EventIds.NewVersion7(context.Request.Timestamp),
                VisitorId = visitorId,
                Type = VisitorEventType.Exposure,
                Timestamp = context.Request.Timestamp,
                Name = "block:" + choice.Group,
                Url = context.Request.Path,

                // The request's own facts, as the page view carries them: an exposure queued before the page view (it is
                // rendered first) may be the event that starts the visit, and must not start it without its referrer.
                Referrer = context.Request.Referrer,
                Utm = context.Request.Utm.IsEmpty ? null : context.Request.Utm,
                Device = context.Request.Device,
                Language = context.Request.Language,
                Country = context.Request.Country,
                Properties = new Dictionary<string, string>
                {
                    ["block"] = choice.Block!.ContentKey.ToString("D"),
                    ["reason"] = choice.Reason,
                },
            });
        }
    }

    private static string? GroupOf(IBlockReference<IPublishedElement, IPublishedElement> block, BlockVariantSettings convention)
    {
        try
        {
            return block.Settings is { } settings
                && convention.SettingsElementTypes.Contains(settings.ContentType.Alias, StringComparer.OrdinalIgnoreCase)
                && Value(settings, convention.GroupProperty) is string { Length: > 0 } group
                    ? group.Trim()
                    : null;
        }
        catch (Exception)
        {
            // A value converter that throws: which group the block belongs to is unknown, so it is never shown (like a
            // member of a group whose settings cannot be read), and the page still renders.
            return Unreadable;
        }
    }

    private static object? Value(IPublishedElement element, string alias) => element.GetProperty(alias)?.GetValue(null, null);

    private static bool Bool(object? value) => value switch
    {
        bool b => b,
        string s => s == "1" || bool.TryParse(s, out var parsed) && parsed,
        int i => i != 0,
        _ => false,
    };

    private static DateTime? Date(object? value) => value switch
    {
        DateTime d when d != default => d,
        DateTimeOffset o => o.DateTime,
        string s when DateTime.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    private static IReadOnlyList<string> Strings(object? value) => value switch
    {
        string s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        IEnumerable<string> list => list.Where(v => !string.IsNullOrWhiteSpace(v)).ToList(),
        IEnumerable e => e.OfType<object>().Select(o => o.ToString() ?? string.Empty).Where(v => v.Length > 0).ToList(),
        _ => [],
    };
}
