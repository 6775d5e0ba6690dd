using System.Globalization;

namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// Re-renders .NET's shortest round-trip number text with JavaScript's Number.prototype.toString layout
/// (fixed notation between 1e-7 and 1e21, otherwise <c>1.5e-7</c> style), so numbers compare as text
/// exactly as they do in GrowthBook's JavaScript SDK.
/// </summary>
internal static class NumberFormatter
{
    public static int Render(ReadOnlySpan<char> raw, Span<char> destination)
    {
        var negative = raw[0] == '-';
        if (negative)
        {
            raw = raw[1..];
        }

        Span<char> digits = stackalloc char[32];
        var count = 0;
        var pointPosition = -1;
        var exponent = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '.')
            {
                pointPosition = count;
            }
            else if (c is 'E' or 'e')
            {
                exponent = int.Parse(raw[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
            {
                digits[count++] = c;
            }
        }

        // n is JavaScript's exponent: value = 0.d1d2...dk * 10^n.
        var n = (pointPosition < 0 ? count : pointPosition) + exponent;
        var start = 0;
        while (start < count - 1 && digits[start] == '0')
        {
            start++;
            n--;
        }

        var end = count;
        while (end > start + 1 && digits[end - 1] == '0')
        {
            end--;
        }

        var significant = digits[start..end];
        var k = significant.Length;
        var w = 0;
        if (negative)
        {
            destination[w++] = '-';
        }

        if (k <= n && n <= 21)
        {
            significant.CopyTo(destination[w..]);
            w += k;
            destination.Slice(w, n - k).Fill('0');
            return w + n - k;
        }

        if (0 < n && n <= 21)
        {
            significant[..n].CopyTo(destination[w..]);
            w += n;
            destination[w++] = '.';
            significant[n..].CopyTo(destination[w..]);
            return w + k - n;
        }

        if (-6 < n && n <= 0)
        {
            destination[w++] = '0';
            destination[w++] = '.';
            destination.Slice(w, -n).Fill('0');
            w += -n;
            significant.CopyTo(destination[w..]);
            return w + k;
        }

        destination[w++] = significant[0];
        if (k > 1)
        {
            destination[w++] = '.';
            significant[1..].CopyTo(destination[w..]);
            w += k - 1;
        }

        destination[w++] = 'e';
        destination[w++] = n - 1 >= 0 ? '+' : '-';
        (Math.Abs(n - 1)).TryFormat(destination[w..], out var written, default, CultureInfo.InvariantCulture);
        return w + written;
    }
}
