using Microsoft.Extensions.Options;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Tests.Configuration;

public sealed class PersonalizationSettingsValidatorTests
{
    private static string[] Failures(Action<PersonalizationSettings> change)
    {
        var settings = new PersonalizationSettings();
        change(settings);
        var result = new PersonalizationSettingsValidator().Validate(null, settings);
        return result.Failed ? result.Failures.ToArray() : [];
    }

    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new PersonalizationSettingsValidator().Validate(null, new PersonalizationSettings()).Succeeded);

    [Fact]
    public void Validate_UnknownTimeZone_NamesTheKey() =>
        Assert.Equal(
            "Umbraco:Personalization:SiteTimeZone: 'Mars/Base' is not a known time zone (use an IANA id such as 'Europe/Amsterdam')",
            Assert.Single(Failures(s => s.SiteTimeZone = "Mars/Base")));

    [Fact]
    public void Validate_IanaTimeZone_Succeeds() => Assert.Empty(Failures(s => s.SiteTimeZone = "Europe/Amsterdam"));

    [Fact]
    public void Validate_SameCookieNames_Fails() =>
        Assert.StartsWith("Umbraco:Personalization:VisitorCookieName:", Assert.Single(Failures(s => s.VisitorCookieName = "UP_CONSENT")));

    [Theory]
    [InlineData(nameof(PersonalizationSettings.SessionTimeout), "00:00:10")]
    [InlineData(nameof(PersonalizationSettings.SessionTimeout), "2.00:00:00")]
    [InlineData(nameof(PersonalizationSettings.InterestHalfLife), "00:10:00")]
    [InlineData(nameof(PersonalizationSettings.VisitorCookieLifetime), "500.00:00:00")]
    [InlineData(nameof(PersonalizationSettings.ProfileLoadTimeout), "00:00:10")]
    [InlineData(nameof(PersonalizationSettings.ProfileLoadTimeout), "00:00:00")]
    [InlineData(nameof(PersonalizationSettings.DefinitionRefreshInterval), "00:00:00.100")]
    public void Validate_DurationOutOfRange_NamesTheKey(string property, string value)
    {
        var duration = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        var failure = Assert.Single(Failures(s => typeof(PersonalizationSettings).GetProperty(property)!.SetValue(s, duration)));
        Assert.StartsWith($"Umbraco:Personalization:{property}: '{duration}' must be between", failure);
    }

    [Fact]
    public void Validate_InvalidCountryHeader_Fails() =>
        Assert.StartsWith("Umbraco:Personalization:CountryHeader:", Assert.Single(Failures(s => s.CountryHeader = "CF IPCountry")));

    [Fact]
    public void Validate_BlankBotUserAgent_NamesTheIndex() =>
        Assert.StartsWith("Umbraco:Personalization:BotUserAgents:1:", Assert.Single(Failures(s => s.BotUserAgents = ["ok", " "])));

    [Fact]
    public void Validate_InvalidDataFolder_Fails() =>
        Assert.StartsWith("Umbraco:Personalization:DataFolder:", Assert.Single(Failures(s => s.DataFolder = "bad\0folder")));
}
