using System.Text.Json;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Persistence.Data.Entities;

namespace UmbracoPersonalization.Persistence.Serialization;

/// <summary>Maps a <see cref="VisitorEvent"/> to an <see cref="EventRow"/> (columns + versioned JSON) and back.</summary>
internal static class EventDataSerializer
{
    public const int CurrentFormatVersion = 1;

    /// <summary>The longest event name kept; longer names are cut.</summary>
    public const int NameMaxLength = 256;

    /// <summary>The longest URL kept; longer URLs are cut.</summary>
    public const int UrlMaxLength = 2048;

    public static EventRow ToRow(VisitorEvent e) => ToRow(e, Data(e));

    /// <summary>The row of <paramref name="e"/> with <paramref name="data"/> as its JSON (<see cref="Data"/> of an event with the same data).</summary>
    public static EventRow ToRow(VisitorEvent e, string data) => new()
    {
        Id = e.Id,
        VisitorId = e.VisitorId,
        Type = (int)e.Type,
        Timestamp = e.Timestamp,
        Name = Clean(e.Name, NameMaxLength),
        Url = Clean(e.Url, UrlMaxLength),
        Data = data,
    };

    /// <summary>The versioned JSON of the fields of <paramref name="e"/> that have no column of their own.</summary>
    public static string Data(VisitorEvent e)
    {
        var document = new EventDataDocument
        {
            FormatVersion = CurrentFormatVersion,
            Referrer = e.Referrer,
            Utm = e.Utm is { IsEmpty: false } ? e.Utm : null,
            Device = e.Device,
            Language = e.Language,
            Country = e.Country,
            Categories = e.Categories.Count == 0 ? null : [.. e.Categories],
            Tags = e.Tags.Count == 0 ? null : [.. e.Tags],
            Properties = e.Properties is null || e.Properties.Count == 0 ? null : new(e.Properties, StringComparer.Ordinal),
        };
        return JsonSerializer.Serialize(document, PersistenceJsonContext.Default.EventDataDocument);
    }

    /// <summary>Whether <see cref="Data"/> gives the same JSON for both events (compared field by field, not serialized).</summary>
    public static bool SameData(VisitorEvent a, VisitorEvent b) =>
        a.Device == b.Device
        && string.Equals(a.Referrer, b.Referrer, StringComparison.Ordinal)
        && string.Equals(a.Language, b.Language, StringComparison.Ordinal)
        && string.Equals(a.Country, b.Country, StringComparison.Ordinal)
        && Equals(a.Utm is { IsEmpty: false } ? a.Utm : null, b.Utm is { IsEmpty: false } ? b.Utm : null)
        && SameValues(a.Categories, b.Categories)
        && SameValues(a.Tags, b.Tags)
        && (a.Properties is null || a.Properties.Count == 0)
        && (b.Properties is null || b.Properties.Count == 0);

    private static bool SameValues(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static VisitorEvent FromRow(EventRow row)
    {
        var d = JsonSerializer.Deserialize(row.Data, PersistenceJsonContext.Default.EventDataDocument)
            ?? new EventDataDocument();
        return new VisitorEvent
        {
            Id = row.Id,
            VisitorId = row.VisitorId,
            Type = (VisitorEventType)row.Type,
            Timestamp = row.Timestamp,
            Name = row.Name,
            Url = row.Url,
            Referrer = d.Referrer,
            Utm = d.Utm,
            Device = d.Device,
            Language = d.Language,
            Country = d.Country,
            Categories = d.Categories ?? [],
            Tags = d.Tags ?? [],
            Properties = d.Properties,
        };
    }

    /// <summary>PostgreSQL text cannot hold NUL; an over-long value is cut rather than failing the whole batch.</summary>
    private static string? Clean(string? value, int maxLength)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            value = value.Replace("\0", string.Empty, StringComparison.Ordinal);
        }

        return value.Length <= maxLength ? value : value[..maxLength];
    }
}
