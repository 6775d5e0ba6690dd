using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Web.Consent;

namespace UmbracoPersonalization.Web.Tests.Consent;

public sealed class ConsentCookieTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1767225600);

    [Theory]
    [InlineData(ConsentPurposes.Necessary, "necessary_1767225600_2026-01")]
    [InlineData(ConsentPurposes.Necessary | ConsentPurposes.Analytics, "analytics_1767225600_2026-01")]
    [InlineData(ConsentPurposes.All, "analytics-personalization-marketing_1767225600_2026-01")]
    public void Format_ThenParse_RoundTrips(ConsentPurposes granted, string expected)
    {
        var value = ConsentCookie.Format(granted, At, "2026-01");

        Assert.Equal(expected, value);
        Assert.Equal(new ConsentState(granted | ConsentPurposes.Necessary, At, "2026-01"), ConsentCookie.Parse(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("analytics")]
    [InlineData("analytics_notanumber_1")]
    [InlineData("everything_1767225600_1")]
    [InlineData("analytics_1767225600_")]
    [InlineData("analytics_-5_1")]
    public void Parse_Malformed_ReturnsNull(string? value) => Assert.Null(ConsentCookie.Parse(value));
}
