using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Events;

/// <summary>
/// Something a visitor did. Events are idempotent by <see cref="Id"/>: storing the same id twice keeps one.
/// URLs carry no query string except allow-listed keys.
/// </summary>
public sealed record VisitorEvent
{
    /// <summary>Unique id; the idempotency key.</summary>
    public required Guid Id { get; init; }

    /// <summary>The visitor it belongs to.</summary>
    public required string VisitorId { get; init; }

    /// <summary>What happened.</summary>
    public required VisitorEventType Type { get; init; }

    /// <summary>When it happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Goal alias, placement alias, custom event name… depending on <see cref="Type"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The page URL (path plus allow-listed query keys).</summary>
    public string? Url { get; init; }

    /// <summary>The referrer, if any.</summary>
    public string? Referrer { get; init; }

    /// <summary>Campaign parameters of the request.</summary>
    public UtmParameters? Utm { get; init; }

    /// <summary>The device class of the request.</summary>
    public DeviceClass Device { get; init; }

    /// <summary>The language of the request.</summary>
    public string? Language { get; init; }

    /// <summary>The country of the request.</summary>
    public string? Country { get; init; }

    /// <summary>Categories of the content involved (page views raise interest in these).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Tags of the content involved.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Extra values (variant key, experiment arm, custom data), small strings only.</summary>
    public IReadOnlyDictionary<string, string>? Properties { get; init; }
}
