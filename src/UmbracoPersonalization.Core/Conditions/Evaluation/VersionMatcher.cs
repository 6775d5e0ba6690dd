using System.Buffers;

namespace UmbracoPersonalization.Core.Conditions.Evaluation;

/// <summary>
/// <c>$veq $vne $vgt $vgte $vlt $vlte</c>: both sides padded the GrowthBook way and compared ordinally. The expected
/// side is padded at parse time; the attribute is padded into a stack buffer. Non-strings other than numbers pad as
/// "0" as in GrowthBook; missing/null never satisfy an ordering by default (but do differ from a version).
/// </summary>
internal sealed class VersionMatcher(ComparisonOperator op, string paddedExpected, bool growthBookNulls) : ValueMatcher
{
    private const int StackLimit = 256;

    public override bool Matches(in AttributeValue actual, in EvaluationScope scope)
    {
        if (actual.IsNullOrMissing && !growthBookNulls)
        {
            return op == ComparisonOperator.NotEqual;
        }

        Span<char> number = stackalloc char[JsSemantics.NumberBufferSize];
        ReadOnlySpan<char> raw = actual.Kind switch
        {
            AttributeKind.String => (string)actual.RawReference!,
            AttributeKind.Number => number[..JsSemantics.FormatNumber(actual.RawNumber, number)],
            _ => "0",
        };

        var size = PaddedVersion.MaxLength(raw.Length);
        char[]? rented = null;
        var buffer = size <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(size));
        try
        {
            var padded = buffer[..PaddedVersion.Write(raw, buffer)];
            return op.Accepts(padded.SequenceCompareTo(paddedExpected));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
