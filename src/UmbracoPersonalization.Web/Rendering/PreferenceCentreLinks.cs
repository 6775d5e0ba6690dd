using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using UmbracoPersonalization.Web.Consent;

namespace UmbracoPersonalization.Web.Rendering;

/// <summary>
/// The links of an on-demand preference centre: the current page with the open key (to open it) and without (to close
/// it), both local and pointing at the centre's element.
/// </summary>
/// <param name="IsOpen">Whether this request opened the centre.</param>
/// <param name="OpenUrl">The current page with <c>?{key}=open</c>.</param>
/// <param name="CloseUrl">The current page without the key; only built when <paramref name="IsOpen"/>.</param>
internal readonly record struct PreferenceCentreLinks(bool IsOpen, string OpenUrl, string? CloseUrl)
{
    private const string OpenValue = "open";
    private const string Fragment = "#" + PreferenceCentreViewComponent.ElementId;

    public static PreferenceCentreLinks For(HttpRequest request, string key)
    {
        var path = (request.PathBase + request.Path).ToUriComponent();
        if (path.Length == 0 || !ConsentEndpoint.IsLocalUrl(path))
        {
            path = "/"; // "//host" would leave the site
        }

        if (!request.QueryString.HasValue)
        {
            return new PreferenceCentreLinks(false, string.Concat(path, "?", key, "=", OpenValue, Fragment), null);
        }

        // Keep the page's own query (a campaign link, a filter) in both links; drop the key itself.
        var open = false;
        var rest = new QueryBuilder();
        foreach (var (name, values) in request.Query)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                open |= values.Any(v => string.Equals(v, OpenValue, StringComparison.OrdinalIgnoreCase));
                continue;
            }

            rest.Add(name, values.Select(v => v ?? string.Empty));
        }

        var remaining = rest.ToQueryString();
        var openUrl = string.Concat(path, remaining.Add(key, OpenValue).ToUriComponent(), Fragment);
        return new PreferenceCentreLinks(open, openUrl, open ? string.Concat(path, remaining.ToUriComponent(), Fragment) : null);
    }
}
