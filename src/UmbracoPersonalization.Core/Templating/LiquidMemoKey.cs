using System.Collections;
using System.Globalization;
using System.Text;
using DotLiquid;

namespace UmbracoPersonalization.Core.Templating;

/// <summary>
/// The memo key of one render: the output mode and, for every path the template reads, the value the model holds
/// there, written unambiguously (lengths before strings, keys sorted). Paths resolve only as deep as the model has
/// keys; the value reached (a whole object, when the rest of the path is not a key) is what the key holds.
/// </summary>
internal static class LiquidMemoKey
{
    [ThreadStatic]
    private static StringBuilder? _builder;

    public static string Build(Hash root, LiquidTemplateReads reads, bool escape)
    {
        var builder = _builder ??= new StringBuilder(256);
        builder.Clear();
        builder.Append(escape ? 'h' : 't');
        foreach (var path in reads.Paths)
        {
            object? value = root;
            foreach (var segment in path)
            {
                if (value is Hash hash && hash.ContainsKey(segment))
                {
                    value = hash[segment];
                }
                else
                {
                    break;
                }
            }

            builder.Append('|');
            Append(builder, value);
        }

        var key = builder.ToString();
        if (builder.Capacity > 4096)
        {
            _builder = null; // do not keep a large buffer alive on this thread
        }

        return key;
    }

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
