using Umbraco.Cms.Core.Models;
using Umbraco.Cms.Core.Models.Blocks;
using Umbraco.Cms.Core.Models.PublishedContent;

namespace UmbracoPersonalization.Web.Tests.Published;

/// <summary>
/// A small published tree built with Umbraco's types: a home page whose hero title varies by segment (the intro has a
/// default-segment value only) and whose Block List holds alternative blocks in personalization settings.
/// </summary>
public static class PublishedTree
{
    private static readonly PublishedContentType HomeType = PublishedTypes.Instance.Create(
        "home", false, ("heroTitle", ContentVariation.Segment), ("intro", ContentVariation.Segment), ("blocks", ContentVariation.Nothing));

    private static readonly PublishedContentType TextBlockType = PublishedTypes.Instance.Create("textBlock", true, ("text", ContentVariation.Nothing));

    private static readonly PublishedContentType SettingsType = PublishedTypes.Instance.Create(
        "personalizationSettings",
        true,
        ("upGroup", ContentVariation.Nothing),
        ("upSegment", ContentVariation.Nothing),
        ("upPlacement", ContentVariation.Nothing),
        ("upVariant", ContentVariation.Nothing),
        ("upShowFrom", ContentVariation.Nothing),
        ("upShowUntil", ContentVariation.Nothing),
        ("upFallback", ContentVariation.Nothing));

    public static TestContent Home() => new(
        HomeType,
        "Home",
        new Dictionary<string, IReadOnlyDictionary<string, object?>>
        {
            ["heroTitle"] = new Dictionary<string, object?> { [""] = "Welcome", ["campaign-spring"] = "Spring sale" },
            ["intro"] = new Dictionary<string, object?> { [""] = "Our shop.", ["campaign-spring"] = "" },
            ["blocks"] = new Dictionary<string, object?> { [""] = Blocks() },
        });

    public static BlockListModel Blocks() => new(
    [
        Block("Hello everyone"),
        Block("Spring offer", ("upGroup", "hero"), ("upSegment", "campaign-spring")),
        Block("Member offer", ("upGroup", "hero"), ("upSegment", "identified-visitors")),
        Block("Default hero", ("upGroup", "hero"), ("upFallback", true)),
        Block("Expired banner", ("upGroup", "banner"), ("upShowUntil", new DateTime(2000, 1, 1))),
        Block("Experiment arm b", ("upGroup", "cta"), ("upPlacement", "home-cta"), ("upVariant", "spring")),
        Block("Experiment default", ("upGroup", "cta"), ("upFallback", "1")),
    ]);

    private static BlockListItem Block(string text, params (string Alias, object? Value)[] settings)
    {
        var content = new TestElement(TextBlockType, new Dictionary<string, object?> { ["text"] = text });
        var settingsElement = settings.Length == 0
            ? null
            : new TestElement(SettingsType, settings.ToDictionary(s => s.Alias, s => s.Value));
        return new BlockListItem(content.Key, content, settingsElement?.Key, settingsElement);
    }
}
