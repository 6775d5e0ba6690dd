using UmbracoPersonalization.Core.Conditions.Evaluation;

namespace UmbracoPersonalization.Core.Tests.Conditions.Evaluation;

/// <summary>Tests <see cref="JsSemantics"/> against values printed by Node.js.</summary>
public class JsSemanticsTests
{
    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(123.456, "123.456")]
    [InlineData(-0d, "0")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(100d, "100")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(-2.5e-8, "-2.5e-8")]
    [InlineData(123456789012345680000d, "123456789012345680000")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void FormatNumber_Value_MatchesJavaScriptString(double value, string expected)
    {
        Span<char> buffer = stackalloc char[JsSemantics.NumberBufferSize];
        Assert.Equal(expected, new string(buffer[..JsSemantics.FormatNumber(value, buffer)]));
    }

    [Theory]
    [InlineData(" 12 ", 12d)]
    [InlineData("", 0d)]
    [InlineData("0x1A", 26d)]
    [InlineData("1e3", 1000d)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5d)]
    [InlineData("+Infinity", double.PositiveInfinity)]
    [InlineData("0b101", 5d)]
    [InlineData("abc", double.NaN)]
    [InlineData("1_000", double.NaN)]
    [InlineData("-0x10", double.NaN)]
    [InlineData("NaN", double.NaN)]
    public void StringToNumber_Text_MatchesJavaScriptNumber(string text, double expected) =>
        Assert.Equal(expected, JsSemantics.StringToNumber(text));
}
