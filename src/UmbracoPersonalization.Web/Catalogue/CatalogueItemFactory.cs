using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.Routing;
using UmbracoPersonalization.Core.Catalogue;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Catalogue;

/// <summary>
/// Reads the configured tag, category and text properties (published values, invariant culture), strips HTML from
/// text, and asks Umbraco's <see cref="IPublishedUrlProvider"/> for the URL when one is registered.
/// </summary>
internal sealed partial class CatalogueItemFactory(IOptionsMonitor<PersonalizationSettings> settings, IServiceProvider services) : ICatalogueItemFactory
{
    private const int MaxTerms = 50;
    private const int MaxTermLength = 100;

    public CatalogueItem? Create(IContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var catalogue = settings.CurrentValue.Catalogue;
        var contentType = content.ContentType.Alias;
        if (catalogue.ExcludedContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = string.Join(' ', catalogue.TextProperties
            .Where(content.HasProperty)
            .Select(alias => PlainText(content.GetValue(alias, published: true)?.ToString()))
            .Where(t => t.Length > 0));
        return new CatalogueItem(
            content.Key,
            contentType,
            content.PublishName ?? content.Name ?? string.Empty,
            UrlOf(content.Key),
            Terms(content, catalogue.TagsProperty),
            Terms(content, catalogue.CategoriesProperty),
            text.Length <= catalogue.MaxTextLength ? text : text[..catalogue.MaxTextLength],
            content.PublishDate is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null);
    }

    /// <summary>Terms from a JSON array (tags editor) or a comma-separated string; lower case, distinct, bounded.</summary>
    internal static IReadOnlyList<string> ParseTerms(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        IEnumerable<string> values;
        var trimmed = raw.Trim();
        if (trimmed.StartsWith('['))
        {
            try
            {
                values = JsonSerializer.Deserialize<string?[]>(trimmed)?.OfType<string>() ?? [];
            }
            catch (JsonException)
            {
                values = [];
            }
        }
        else
        {
            values = trimmed.Split(',');
        }

        return values
            .Select(v => v.Trim().ToLowerInvariant())
            .Where(v => v.Length is > 0 and <= MaxTermLength)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToArray();
    }

    internal static string PlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        if (html.Length > 100_000)
        {
            html = html[..100_000];
        }

        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        return Whitespace().Replace(text, " ").Trim();
    }

    private static IReadOnlyList<string> Terms(IContent content, string alias) =>
        content.HasProperty(alias) ? ParseTerms(content.GetValue(alias, published: true)?.ToString()) : [];

    private string? UrlOf(Guid key)
    {
        try
        {
            var url = services.GetService<IPublishedUrlProvider>()?.GetUrl(key, UrlMode.Relative);
            return string.IsNullOrEmpty(url) || url == "#" ? null : url;
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or NotSupportedException)
        {
            return null; // no published cache yet (e.g. during a rebuild outside a request)
        }
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Whitespace();
}
