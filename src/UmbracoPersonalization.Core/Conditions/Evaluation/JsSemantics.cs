using System.Globalization;
using System.Text;
using System.Text.Json;

namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// The few JavaScript conversions GrowthBook's condition language relies on (truthiness, ToNumber, ToString),
/// written allocation-free for the values conditions actually see (strings, numbers, booleans).
/// </summary>
internal static class JsSemantics
{
    /// <summary>Scratch size that holds any JavaScript number rendering.</summary>
    public const int NumberBufferSize = 64;

    public static bool IsTruthy(in AttributeValue value) => value.Kind switch
    {
        AttributeKind.Boolean => value.RawNumber != 0,
        AttributeKind.Number => value.RawNumber != 0 && !double.IsNaN(value.RawNumber),
        AttributeKind.String => ((string)value.RawReference!).Length > 0,
        AttributeKind.Array or AttributeKind.Object => true,
        _ => false,
    };

    /// <summary>JavaScript's <c>x * 1</c>; missing/null give 0 as in JavaScript, callers decide whether to allow that.</summary>
    public static double ToNumber(in AttributeValue value) => value.Kind switch
    {
        AttributeKind.Number => value.RawNumber,
        AttributeKind.Boolean => value.RawNumber,
        AttributeKind.String => StringToNumber((string)value.RawReference!),
        AttributeKind.Missing or AttributeKind.Null => 0,
        AttributeKind.Array => ArrayToNumber(value.ArrayValue),
        _ => double.NaN,
    };

    /// <summary>Writes JavaScript's <c>String(number)</c> into <paramref name="destination"/> (at least 64 chars).</summary>
    public static int FormatNumber(double value, Span<char> destination)
    {
        if (double.IsNaN(value))
        {
            return Write("NaN", destination);
        }

        if (double.IsInfinity(value))
        {
            return Write(value > 0 ? "Infinity" : "-Infinity", destination);
        }

        if (value == 0)
        {
            return Write("0", destination);
        }

        Span<char> raw = stackalloc char[40];
        value.TryFormat(raw, out var rawLength, "R", CultureInfo.InvariantCulture);
        return NumberFormatter.Render(raw[..rawLength], destination);
    }

    /// <summary>JavaScript's <c>String(value)</c>, using <paramref name="scratch"/> for numbers; allocates only for arrays.</summary>
    public static ReadOnlySpan<char> ToJsString(in AttributeValue value, Span<char> scratch) => value.Kind switch
    {
        AttributeKind.String => (string)value.RawReference!,
        AttributeKind.Number => scratch[..FormatNumber(value.RawNumber, scratch)],
        AttributeKind.Boolean => value.RawNumber != 0 ? "true" : "false",
        AttributeKind.Array => JoinArray(value.ArrayValue),
        AttributeKind.Object => "[object Object]",
        _ => "null",
    };

    /// <summary>JavaScript's StringToNumber (see <see cref="JsNumberParser"/>).</summary>
    public static double StringToNumber(ReadOnlySpan<char> text) => JsNumberParser.Parse(text);

    public static bool DeepEquals(in AttributeValue left, in AttributeValue right)
    {
        if (left.Kind != right.Kind)
        {
            return false;
        }

        switch (left.Kind)
        {
            case AttributeKind.Boolean:
            case AttributeKind.Number:
                return left.RawNumber == right.RawNumber;
            case AttributeKind.String:
                return string.Equals((string)left.RawReference!, (string)right.RawReference!, StringComparison.Ordinal);
            case AttributeKind.Array:
                var a = left.ArrayValue;
                var b = right.ArrayValue;
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!DeepEquals(a[i], b[i]))
                    {
                        return false;
                    }
                }

                return true;
            case AttributeKind.Object:
                var x = left.ObjectValue;
                var y = right.ObjectValue;
                if (x.Count != y.Count)
                {
                    return false;
                }

                foreach (var pair in x)
                {
                    if (!y.TryGetValue(pair.Key, out var other) || !DeepEquals(pair.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>A compact JSON rendering, for diagnostics and sticky-bucket keys.</summary>
    public static string ToJson(in AttributeValue value)
    {
        var builder = new StringBuilder();
        AppendJson(builder, value);
        return builder.ToString();
    }

    private static void AppendJson(StringBuilder builder, in AttributeValue value)
    {
        switch (value.Kind)
        {
            case AttributeKind.String:
                builder.Append(JsonSerializer.Serialize((string)value.RawReference!));
                break;
            case AttributeKind.Number:
                Span<char> buffer = stackalloc char[NumberBufferSize];
                builder.Append(double.IsFinite(value.RawNumber) ? buffer[..FormatNumber(value.RawNumber, buffer)] : "null");
                break;
            case AttributeKind.Boolean:
                builder.Append(value.RawNumber != 0 ? "true" : "false");
                break;
            case AttributeKind.Array:
                builder.Append('[');
                var items = value.ArrayValue;
                for (var i = 0; i < items.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ",");
                    AppendJson(builder, items[i]);
                }

                builder.Append(']');
                break;
            case AttributeKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var pair in value.ObjectValue)
                {
                    builder.Append(first ? string.Empty : ",").Append(JsonSerializer.Serialize(pair.Key)).Append(':');
                    AppendJson(builder, pair.Value);
                    first = false;
                }

                builder.Append('}');
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static double ArrayToNumber(IReadOnlyList<AttributeValue> items)
    {
        // String([]) is "" (0); String([x]) is String(x); anything longer contains a comma (NaN).
        if (items.Count == 0)
        {
            return 0;
        }

        if (items.Count > 1)
        {
            return double.NaN;
        }

        var item = items[0];
        return item.Kind switch
        {
            AttributeKind.Boolean or AttributeKind.Object => double.NaN,
            _ => ToNumber(item),
        };
    }

    private static string JoinArray(IReadOnlyList<AttributeValue> items)
    {
        var builder = new StringBuilder();
        Span<char> scratch = stackalloc char[NumberBufferSize];
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            if (!items[i].IsNullOrMissing)
            {
                builder.Append(ToJsString(items[i], scratch));
            }
        }

        return builder.ToString();
    }

    private static int Write(string text, Span<char> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
