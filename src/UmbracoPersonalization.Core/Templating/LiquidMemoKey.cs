using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using DotLiquid;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Templating;

/// <summary>
/// The memo key of one render: the output mode and, for every path the template reads, the value the model holds
/// there, written unambiguously (lengths before strings, keys sorted). Paths resolve only as deep as the model has
/// keys; the value reached (a whole object, when the rest of the path is not a key) is what the key holds.
/// </summary>
/// <remarks>
/// Two ways to the same key: <see cref="Write"/> walks a built model, and <see cref="TryWrite"/> reads the values
/// straight from the request, so a memo hit (most renders) builds no <c>visitor</c>, <c>context</c>, <c>item</c> or
/// root <see cref="Hash"/>. Both write the same text for the same values. The key is written into a per-thread buffer:
/// <see cref="TryFind"/> looks it up without making a string of it, <see cref="Written"/> makes one to store.
/// </remarks>
internal static class LiquidMemoKey
{
    [ThreadStatic]
    private static StringBuilder? _builder;

    /// <summary>Writes the key of a render over <paramref name="root"/>.</summary>
    public static void Write(Hash root, LiquidTemplateReads reads, bool escape)
    {
        var builder = Start(escape);
        foreach (var path in reads.Paths)
        {
            builder.Append('|');
            Append(builder, Walk(root, path, 0));
        }
    }

    /// <summary>
    /// Writes the key <see cref="Write"/> would write for the model <see cref="LiquidModel.Root"/> builds from these
    /// values; <c>false</c> (nothing usable written) when a path reaches a whole <c>context</c>, <c>utm</c>,
    /// <c>item</c> or root object: then the caller builds the model and uses <see cref="Write"/>. A path reaching a
    /// whole <c>visitor</c> or <c>preferences</c> object reads the request's visitor model (built once per request).
    /// </summary>
    public static bool TryWrite(VisitorContext context, VisitorAttributes attributes, LiquidItem? item, LiquidTemplateReads reads, bool escape)
    {
        var names = Template.NamingConvention.StringComparer;
        var builder = Start(escape);
        foreach (var path in reads.Paths)
        {
            builder.Append('|');
            var root = path[0];
            bool found;
            if (names.Equals(root, LiquidModel.VisitorKey))
            {
                if (!AppendVisitor(builder, path, context, attributes, escape, names))
                {
                    Append(builder, Walk(LiquidModel.CachedVisitor(context, attributes, escape), path, 1));
                }

                found = true;
            }
            else if (names.Equals(root, LiquidModel.ContextKey))
            {
                found = path.Length > 1 && AppendContext(builder, path, context, attributes, escape, names);
            }
            else
            {
                found = item is not null && names.Equals(root, LiquidModel.ItemKey) && path.Length > 1 && AppendItem(builder, path[1], item, escape, names);
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Looks the key last written on this thread up in <paramref name="outputs"/>.</summary>
    public static bool TryFind(ConcurrentDictionary<string, string> outputs, [NotNullWhen(true)] out string? output)
    {
        var builder = _builder!;
        ReadOnlySpan<char> key = default;
        var chunks = 0;
        foreach (var chunk in builder.GetChunks())
        {
            key = chunk.Span;
            if (++chunks > 1)
            {
                return outputs.TryGetValue(builder.ToString(), out output);
            }
        }

        return outputs.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out output);
    }

    /// <summary>The key last written on this thread, as a string to store.</summary>
    public static string Written()
    {
        var builder = _builder!;
        var key = builder.ToString();
        if (builder.Capacity > 4096)
        {
            _builder = null; // do not keep a large buffer alive on this thread
        }

        return key;
    }

    private static StringBuilder Start(bool escape)
    {
        var builder = _builder ??= new StringBuilder(256);
        builder.Clear();
        builder.Append(escape ? 'h' : 't');
        return builder;
    }

    private static object? Walk(Hash start, string[] path, int from)
    {
        object? value = start;
        for (var i = from; i < path.Length; i++)
        {
            if (value is Hash hash && hash.ContainsKey(path[i]))
            {
                value = hash[path[i]];
            }
            else
            {
                break;
            }
        }

        return value;
    }

    // The scalar keys and values of LiquidModel.Visitor, one path at a time; false (nothing written) where the path
    // stops at the visitor or preferences object.
    private static bool AppendVisitor(StringBuilder builder, string[] path, VisitorContext context, VisitorAttributes attributes, bool escape, IEqualityComparer<string> names)
    {
        if (path.Length < 2)
        {
            return false;
        }

        var profile = context.Profile;
        var key = path[1];
        if (names.Equals(key, LiquidModel.VisitsKey))
        {
            AppendNumber(builder, profile.Visits);
        }
        else if (names.Equals(key, LiquidModel.PageViewsKey))
        {
            AppendNumber(builder, profile.PageViews);
        }
        else if (names.Equals(key, LiquidModel.StageKey))
        {
            Append(builder, VisitorAttributes.StageName(attributes.Stage));
        }
        else if (names.Equals(key, LiquidModel.CountryKey))
        {
            Append(builder, LiquidModel.Text(LiquidModel.String(attributes, VisitorAttributeNames.Country), escape));
        }
        else if (names.Equals(key, LiquidModel.LanguageKey))
        {
            Append(builder, LiquidModel.Text(LiquidModel.String(attributes, VisitorAttributeNames.Language), escape));
        }
        else if (names.Equals(key, LiquidModel.DeviceKey))
        {
            Append(builder, LiquidModel.String(attributes, VisitorAttributeNames.Device));
        }
        else if (names.Equals(key, LiquidModel.TopInterestKey))
        {
            Append(builder, LiquidModel.Text(attributes.TopInterest, escape));
        }
        else if (names.Equals(key, LiquidModel.IsReturningKey))
        {
            builder.Append(profile.Visits > 1 ? 'T' : 'F');
        }
        else if (names.Equals(key, LiquidModel.PreferencesKey) && path.Length > 2)
        {
            if (!TryFindLast(profile.Preferences, path[2], names, out var text))
            {
                return false;
            }

            Append(builder, LiquidModel.Text(text, escape));
        }
        else
        {
            return false;
        }

        return true;
    }

    // The keys and values of LiquidModel.Context, one path at a time; false where the path stops at an object.
    private static bool AppendContext(StringBuilder builder, string[] path, VisitorContext context, VisitorAttributes attributes, bool escape, IEqualityComparer<string> names)
    {
        var request = context.Request;
        var key = path[1];
        if (names.Equals(key, LiquidModel.PathKey))
        {
            Append(builder, LiquidModel.Text(request.Path, escape));
        }
        else if (names.Equals(key, LiquidModel.HourKey))
        {
            AppendNumber(builder, request.Timestamp.Hour);
        }
        else if (names.Equals(key, LiquidModel.WeekdayKey))
        {
            AppendNumber(builder, (int)request.Timestamp.DayOfWeek);
        }
        else if (names.Equals(key, LiquidModel.MonthKey))
        {
            AppendNumber(builder, request.Timestamp.Month);
        }
        else if (names.Equals(key, LiquidModel.GreetingKey))
        {
            Append(builder, LiquidModel.Greeting(request.Timestamp.Hour));
        }
        else if (names.Equals(key, LiquidModel.UtmKey) && path.Length > 2)
        {
            return AppendUtmField(builder, path[2], attributes, escape, names);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static bool AppendUtmField(StringBuilder builder, string field, VisitorAttributes attributes, bool escape, IEqualityComparer<string> names)
    {
        if (!LiquidModel.TryGetUtm(attributes, out var fields))
        {
            return false;
        }

        if (!TryFindLast(fields, field, names, out var value))
        {
            return false;
        }

        Append(builder, LiquidModel.Text(value.TryGetString(out var text) ? text : null, escape));
        return true;
    }

    // A model object holds every entry under its own key, so where keys match alike the last one wins, as in the model.
    private static bool TryFindLast<TValue>(IEnumerable<KeyValuePair<string, TValue>> entries, string key, IEqualityComparer<string> names, [MaybeNullWhen(false)] out TValue found)
    {
        var any = false;
        found = default;
        foreach (var (name, value) in entries)
        {
            if (names.Equals(name, key))
            {
                any = true;
                found = value;
            }
        }

        return any;
    }

    private static bool AppendItem(StringBuilder builder, string key, LiquidItem item, bool escape, IEqualityComparer<string> names)
    {
        if (names.Equals(key, LiquidModel.NameKey))
        {
            Append(builder, LiquidModel.Text(item.Name, escape));
            return true;
        }

        if (names.Equals(key, LiquidModel.UrlKey))
        {
            Append(builder, LiquidModel.Text(item.Url, escape));
            return true;
        }

        return false;
    }

    // The same text Append writes for a boxed number, without the box.
    private static void AppendNumber(StringBuilder builder, int number) =>
        builder.Append('n').Append(CultureInfo.InvariantCulture, $"{number}").Append(';');

    private static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append('~');
                break;
            case string text:
                builder.Append('s').Append(text.Length).Append(':').Append(text);
                break;
            case bool flag:
                builder.Append(flag ? 'T' : 'F');
                break;
            case Hash hash:
                builder.Append('{');
                var keys = hash.Keys.ToArray();
                Array.Sort(keys, StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    builder.Append(key.Length).Append(':').Append(key).Append('=');
                    Append(builder, hash[key]);
                }

                builder.Append('}');
                break;
            case IFormattable number:
                builder.Append('n').Append(number.ToString(null, CultureInfo.InvariantCulture)).Append(';');
                break;
            case IEnumerable items:
                builder.Append('[');
                foreach (var item in items)
                {
                    Append(builder, item);
                    builder.Append(',');
                }

                builder.Append(']');
                break;
            default:
                var other = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                builder.Append('o').Append(other.Length).Append(':').Append(other);
                break;
        }
    }
}
