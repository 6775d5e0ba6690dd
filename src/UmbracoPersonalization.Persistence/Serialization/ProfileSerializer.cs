using System.Text.Json;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Persistence.Serialization;

/// <summary>
/// Turns a <see cref="VisitorProfile"/> into the versioned JSON document stored in the profile table, and back.
/// The document carries <c>formatVersion</c>; <see cref="VisitorProfile.VisitorId"/> and
/// <see cref="VisitorProfile.Version"/> are stored as columns and passed in when reading.
/// </summary>
public static class ProfileSerializer
{
    /// <summary>The document format written today.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Serializes everything in <paramref name="profile"/> except its id and version.</summary>
    public static string Serialize(VisitorProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return JsonSerializer.Serialize(ToDocument(profile), PersistenceJsonContext.Default.ProfileDocument);
    }

    /// <summary>
    /// <see cref="Serialize(VisitorProfile)"/> as UTF-8 into <paramref name="writer"/> (flushed; the caller resets it
    /// between profiles): the same text, without the UTF-16 string and its transcoding when the database takes UTF-8 (SQLite).
    /// </summary>
    internal static void Serialize(VisitorProfile profile, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(profile);
        JsonSerializer.Serialize(writer, ToDocument(profile), PersistenceJsonContext.Default.ProfileDocument);
        writer.Flush();
    }

    /// <summary>Reads a document written by any supported format version.</summary>
    /// <exception cref="JsonException">The text is not a profile document, or its format is newer than this code.</exception>
    public static VisitorProfile Deserialize(string visitorId, long version, string json)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        ArgumentNullException.ThrowIfNull(json);
        var d = JsonSerializer.Deserialize(json, PersistenceJsonContext.Default.ProfileDocument)
            ?? throw new JsonException("A profile document must be a JSON object.");
        if (d.FormatVersion is < 1 or > CurrentFormatVersion)
        {
            throw new JsonException($"Profile document format {d.FormatVersion} is not supported (this version reads 1 to {CurrentFormatVersion}).");
        }

        return new VisitorProfile
        {
            VisitorId = visitorId,
            Version = version,
            MemberKey = d.MemberKey,
            FirstSeen = d.FirstSeen,
            LastSeen = d.LastSeen,
            Visits = d.Visits,
            VisitStartedAt = d.VisitStartedAt,
            PageViews = d.PageViews,
            VisitPageViews = d.VisitPageViews,
            FirstReferrer = d.FirstReferrer,
            LastReferrer = d.LastReferrer,
            FirstUtm = d.FirstUtm,
            LastUtm = d.LastUtm,
            Device = d.Device,
            Language = d.Language,
            Country = d.Country,
            CategoryInterests = Copy(d.CategoryInterests),
            TagInterests = Copy(d.TagInterests),
            Goals = Copy(d.Goals),
            Preferences = Copy(d.Preferences),
            Stage = d.Stage,
            Segments = Set(d.Segments, StringComparer.OrdinalIgnoreCase),
            RecentPages = d.RecentPages ?? [],
            CustomEvents = Copy(d.CustomEvents),
            VisitSegments = Set(d.VisitSegments, StringComparer.OrdinalIgnoreCase),
            Topics = Set(d.Topics, StringComparer.OrdinalIgnoreCase),
            SuppressedInterests = Set(d.SuppressedInterests, StringComparer.OrdinalIgnoreCase),
            PersonalizationPaused = d.PersonalizationPaused == true,
            MergedVisitorIds = Set(d.MergedVisitorIds, StringComparer.Ordinal),
        };
    }

    private static ProfileDocument ToDocument(VisitorProfile profile)
    {
        return new ProfileDocument
        {
            FormatVersion = CurrentFormatVersion,
            MemberKey = profile.MemberKey,
            FirstSeen = profile.FirstSeen,
            LastSeen = profile.LastSeen,
            Visits = profile.Visits,
            VisitStartedAt = profile.VisitStartedAt,
            PageViews = profile.PageViews,
            VisitPageViews = profile.VisitPageViews,
            FirstReferrer = profile.FirstReferrer,
            LastReferrer = profile.LastReferrer,
            FirstUtm = profile.FirstUtm,
            LastUtm = profile.LastUtm,
            Device = profile.Device,
            Language = profile.Language,
            Country = profile.Country,
            CategoryInterests = NullIfEmpty(profile.CategoryInterests),
            TagInterests = NullIfEmpty(profile.TagInterests),
            Goals = NullIfEmpty(profile.Goals),
            Preferences = NullIfEmpty(profile.Preferences),
            Stage = profile.Stage,
            RecentPages = profile.RecentPages.Count == 0 ? null : profile.RecentPages,
            CustomEvents = NullIfEmpty(profile.CustomEvents),
            VisitSegments = SortedOrNull(profile.VisitSegments),
            Segments = SortedOrNull(profile.Segments),
            Topics = SortedOrNull(profile.Topics),
            SuppressedInterests = SortedOrNull(profile.SuppressedInterests),
            PersonalizationPaused = profile.PersonalizationPaused ? true : null,
            MergedVisitorIds = SortedOrNull(profile.MergedVisitorIds),
        };
    }

    // Sorted in place: a LINQ ordering allocated an iterator, a sorter and a key map per set per save.
    private static List<string>? SortedOrNull(HashSet<string> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = new List<string>(values);
        sorted.Sort(Ordinal);
        return sorted;
    }

    // A comparison made once: sorting with an IComparer wraps it in a new delegate on every call.
    private static readonly Comparison<string> Ordinal = string.CompareOrdinal;

    // Serialized as is: a copy (the comparer does not change the output) cost an allocation per dictionary per save.
    private static Dictionary<string, T>? NullIfEmpty<T>(Dictionary<string, T> source) =>
        source.Count == 0 ? null : source;

    private static HashSet<string> Set(List<string>? values, StringComparer comparer) =>
        values is null ? new(comparer) : new(values, comparer);

    private static Dictionary<string, T> Copy<T>(Dictionary<string, T>? source) =>
        source is null
            ? new(StringComparer.OrdinalIgnoreCase)
            : new(source, StringComparer.OrdinalIgnoreCase);
}
