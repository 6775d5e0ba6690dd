namespace UmbracoPersonalization.Core.Templating;

/// <summary>A content item a template may show as <c>item.name</c> and <c>item.url</c>.</summary>
/// <param name="Name">The item's name.</param>
/// <param name="Url">The item's URL.</param>
public sealed record LiquidItem(string Name, string Url);
