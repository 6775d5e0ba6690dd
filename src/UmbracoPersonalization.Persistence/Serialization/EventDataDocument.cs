using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Persistence.Serialization;

/// <summary>The stored JSON shape (format 1) of the event fields that have no column of their own.</summary>
internal sealed class EventDataDocument
{
    public int FormatVersion { get; set; }

    public string? Referrer { get; set; }

    public UtmParameters? Utm { get; set; }

    public DeviceClass Device { get; set; }

    public string? Language { get; set; }

    public string? Country { get; set; }

    public List<string>? Categories { get; set; }

    public List<string>? Tags { get; set; }

    public Dictionary<string, string>? Properties { get; set; }
}
