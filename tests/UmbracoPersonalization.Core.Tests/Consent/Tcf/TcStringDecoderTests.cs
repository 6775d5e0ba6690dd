using UmbracoPersonalization.Core.Consent.Tcf;

namespace UmbracoPersonalization.Core.Tests.Consent.Tcf;

public class TcStringDecoderTests
{
    [Fact]
    public void TryDecode_ConstructedString_ReadsEveryHeaderField()
    {
        var builder = new TcStringBuilder { Purposes = [1, 3, 4, 10], LegitimateInterests = [2, 7] };

        Assert.True(TcStringDecoder.TryDecode(builder.Build(), out var tc));

        Assert.Equal(2, tc.Version);
        Assert.Equal(builder.Created, tc.Created);
        Assert.Equal(builder.LastUpdated, tc.LastUpdated);
        Assert.Equal(300, tc.CmpId);
        Assert.Equal(7, tc.CmpVersion);
        Assert.Equal(1, tc.ConsentScreen);
        Assert.Equal("EN", tc.ConsentLanguage);
        Assert.Equal(150, tc.VendorListVersion);
        Assert.Equal(4, tc.TcfPolicyVersion);
        Assert.False(tc.IsServiceSpecific);
        Assert.Equal([1, 3, 4, 10], tc.PurposesConsent);
        Assert.Equal([2, 7], tc.PurposesLegitimateInterest);
        Assert.Equal("NL", tc.PublisherCountryCode);
    }

    [Fact]
    public void TryDecode_WithFurtherSegments_ReadsTheCoreSegment()
    {
        var value = new TcStringBuilder { Purposes = [1] }.Build() + ".YAAAAAAAAAAA";

        Assert.True(TcStringDecoder.TryDecode(value, out var tc));
        Assert.Equal([1], tc.PurposesConsent);
    }

    [Fact]
    public void TryDecode_TwentyFourPurposes_ReadsTheLastBit()
    {
        Assert.True(TcStringDecoder.TryDecode(new TcStringBuilder { Purposes = [24] }.Build(), out var tc));
        Assert.Equal([24], tc.PurposesConsent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("A")]
    public void TryDecode_Garbage_ReturnsFalse(string? value)
    {
        Assert.False(TcStringDecoder.TryDecode(value, out var tc));
        Assert.Null(tc);
    }

    [Fact]
    public void TryDecode_VersionOne_ReturnsFalse()
    {
        Assert.False(TcStringDecoder.TryDecode(new TcStringBuilder { Version = 1, Purposes = [1, 3, 4] }.Build(), out _));
    }

    [Fact]
    public void TryDecode_Truncated_ReturnsFalse()
    {
        var bits = new TcStringBuilder { Purposes = [1, 3, 4] }.Bits();

        Assert.False(TcStringDecoder.TryDecode(TcStringBuilder.Encode(bits[..150]), out _));
    }

    [Fact]
    public void TryDecode_LetterOutOfRange_ReturnsFalse()
    {
        var bits = new TcStringBuilder().Bits().ToCharArray();
        var languageStart = 6 + 36 + 36 + 12 + 12 + 6;
        for (var i = 0; i < 6; i++)
        {
            bits[languageStart + i] = '1'; // 63: not a letter
        }

        Assert.False(TcStringDecoder.TryDecode(TcStringBuilder.Encode(new string(bits)), out _));
    }
}
