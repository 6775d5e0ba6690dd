using System.Net;
using DotLiquid;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Templating;

/// <summary>
/// Builds the read-only, allow-listed model templates see: DotLiquid <see cref="Hash"/>es of plain strings, numbers
/// and booleans only (no CLR objects, no drops, nothing reflective). In HTML mode every string is HTML-escaped here,
/// because DotLiquid itself never escapes.
/// </summary>
internal static class LiquidModel
{
    // The keys LiquidMemoKey.TryWrite reads without building the model: keep them and the models below in step.
    public const string VisitorKey = "visitor";
    public const string ContextKey = "context";
    public const string ItemKey = "item";
    public const string PathKey = "path";
    public const string HourKey = "hour";
    public const string WeekdayKey = "weekday";
    public const string MonthKey = "month";
    public const string GreetingKey = "greeting";
    public const string UtmKey = "utm";
    public const string NameKey = "name";
    public const string UrlKey = "url";
    public const string VisitsKey = "visits";
    public const string PageViewsKey = "pageViews";
    public const string StageKey = "stage";
    public const string CountryKey = "country";
    public const string LanguageKey = "language";
    public const string DeviceKey = "device";
    public const string TopInterestKey = "topInterest";
    public const string IsReturningKey = "isReturning";
    public const string PreferencesKey = "preferences";

    private static readonly Conditions.AttributePath UtmPath = Conditions.AttributePath.Parse(VisitorAttributeNames.Utm);

    /// <summary>The root a template renders over: a new one per render, since <c>assign</c> writes into it.</summary>
    public static Hash Root(Hash visitor, VisitorContext context, VisitorAttributes attributes, LiquidItem? item, bool escape)
    {
        var root = new Hash
        {
            [VisitorKey] = visitor,
            [ContextKey] = Context(context, attributes, escape),
        };
        if (item is not null)
        {
            root[ItemKey] = Item(item, escape);
        }

        return root;
    }

    /// <summary>The visitor model, built once per request and output mode.</summary>
    public static Hash CachedVisitor(VisitorContext context, VisitorAttributes attributes, bool escape)
    {
        var state = (context, attributes);
        return escape
            ? context.Cache.GetOrAddHtmlModel(state, static s => Visitor(s.context, s.attributes, true))
            : context.Cache.GetOrAddTextModel(state, static s => Visitor(s.context, s.attributes, false));
    }

    public static Hash Visitor(VisitorContext context, VisitorAttributes attributes, bool escape)
    {
        var profile = context.Profile;
        var preferences = new Hash();
        foreach (var (key, value) in profile.Preferences)
        {
            preferences[key] = Text(value, escape);
        }

        var visitor = new Hash
        {
            [VisitsKey] = profile.Visits,
            [PageViewsKey] = profile.PageViews,
            [StageKey] = VisitorAttributes.StageName(attributes.Stage),
            [CountryKey] = Text(String(attributes, VisitorAttributeNames.Country), escape),
            [LanguageKey] = Text(String(attributes, VisitorAttributeNames.Language), escape),
            [DeviceKey] = String(attributes, VisitorAttributeNames.Device),
            [TopInterestKey] = Text(attributes.TopInterest, escape),
            [IsReturningKey] = profile.Visits > 1,
            [PreferencesKey] = preferences,
        };
        return visitor;
    }

    public static Hash Context(VisitorContext context, VisitorAttributes attributes, bool escape)
    {
        var request = context.Request;
        var utm = new Hash();
        if (TryGetUtm(attributes, out var utmFields))
        {
            foreach (var (key, value) in utmFields)
            {
                utm[key] = Text(value.TryGetString(out var text) ? text : null, escape);
            }
        }

        var hour = request.Timestamp.Hour;
        return new Hash
        {
            [PathKey] = Text(request.Path, escape),
            [HourKey] = hour,
            [WeekdayKey] = (int)request.Timestamp.DayOfWeek,
            [MonthKey] = request.Timestamp.Month,
            [GreetingKey] = Greeting(hour),
            [UtmKey] = utm,
        };
    }

    public static Hash Item(LiquidItem item, bool escape) => new()
    {
        [NameKey] = Text(item.Name, escape),
        [UrlKey] = Text(item.Url, escape),
    };

    public static string Greeting(int hour) => hour is >= 5 and < 12 ? "morning" : hour is >= 12 and < 18 ? "afternoon" : "evening";

    public static bool TryGetUtm(VisitorAttributes attributes, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyDictionary<string, Conditions.AttributeValue>? fields)
    {
        fields = null;
        return attributes.TryGetValue(UtmPath, out var utmValue) && utmValue.TryGetObject(out fields);
    }

    public static string? String(VisitorAttributes attributes, string name) =>
        attributes.Values.TryGetValue(name, out var value) && value.TryGetString(out var text) ? text : null;

    public static string? Text(string? value, bool escape) => value is null || !escape ? value : WebUtility.HtmlEncode(value);
}
