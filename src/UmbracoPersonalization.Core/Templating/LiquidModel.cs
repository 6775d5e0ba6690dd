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
    private static readonly Conditions.AttributePath UtmPath = Conditions.AttributePath.Parse(VisitorAttributeNames.Utm);

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
            ["visits"] = profile.Visits,
            ["pageViews"] = profile.PageViews,
            ["stage"] = VisitorAttributes.StageName(attributes.Stage),
            ["country"] = Text(String(attributes, VisitorAttributeNames.Country), escape),
            ["language"] = Text(String(attributes, VisitorAttributeNames.Language), escape),
            ["device"] = String(attributes, VisitorAttributeNames.Device),
            ["topInterest"] = Text(attributes.TopInterest, escape),
            ["isReturning"] = profile.Visits > 1,
            ["preferences"] = preferences,
        };
        return visitor;
    }

    public static Hash Context(VisitorContext context, VisitorAttributes attributes, bool escape)
    {
        var request = context.Request;
        attributes.TryGetValue(UtmPath, out var utmValue);
        var utm = new Hash();
        if (utmValue.TryGetObject(out var utmFields))
        {
            foreach (var (key, value) in utmFields)
            {
                utm[key] = Text(value.TryGetString(out var text) ? text : null, escape);
            }
        }

        var hour = request.Timestamp.Hour;
        return new Hash
        {
            ["path"] = Text(request.Path, escape),
            ["hour"] = hour,
            ["weekday"] = (int)request.Timestamp.DayOfWeek,
            ["month"] = request.Timestamp.Month,
            ["greeting"] = hour is >= 5 and < 12 ? "morning" : hour is >= 12 and < 18 ? "afternoon" : "evening",
            ["utm"] = utm,
        };
    }

    public static Hash Item(LiquidItem item, bool escape) => new()
    {
        ["name"] = Text(item.Name, escape),
        ["url"] = Text(item.Url, escape),
    };

    private static string? String(VisitorAttributes attributes, string name) =>
        attributes.Values.TryGetValue(name, out var value) && value.TryGetString(out var text) ? text : null;

    private static string? Text(string? value, bool escape) => value is null || !escape ? value : WebUtility.HtmlEncode(value);
}
