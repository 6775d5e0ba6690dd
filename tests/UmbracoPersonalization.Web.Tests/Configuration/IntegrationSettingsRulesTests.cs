using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Tests.Configuration;

public sealed class IntegrationSettingsRulesTests
{
    private static string Failure(Action<PersonalizationSettings> change)
    {
        var settings = new PersonalizationSettings();
        change(settings);
        var result = new PersonalizationSettingsValidator().Validate(null, settings);
        return Assert.Single(result.Failures ?? []);
    }

    [Fact]
    public void RegionHeader_Invalid_NamesTheKey() =>
        Assert.StartsWith("Umbraco:Personalization:Criteria:RegionHeader:", Failure(s => s.Criteria.RegionHeader = "bad header"));

    [Fact]
    public void ContinentHeader_Invalid_NamesTheKey() =>
        Assert.StartsWith("Umbraco:Personalization:Criteria:ContinentHeader:", Failure(s => s.Criteria.ContinentHeader = "x:y"));

    [Fact]
    public void CookieName_Empty_NamesTheIndex() =>
        Assert.StartsWith("Umbraco:Personalization:Criteria:Cookies:1:", Failure(s => s.Criteria.Cookies = ["plan", " "]));

    [Fact]
    public void SessionKey_TooLong_NamesTheIndex() =>
        Assert.StartsWith("Umbraco:Personalization:Criteria:SessionKeys:0:", Failure(s => s.Criteria.SessionKeys = [new string('k', 201)]));

    [Fact]
    public void MemberProfileClaim_Empty_NamesTheIndex() =>
        Assert.StartsWith("Umbraco:Personalization:Criteria:MemberProfileClaims:0:", Failure(s => s.Criteria.MemberProfileClaims = [""]));

    [Fact]
    public void MemberTypeClaim_Empty_Fails() =>
        Assert.StartsWith("Umbraco:Personalization:Criteria:MemberTypeClaim:", Failure(s => s.Criteria.MemberTypeClaim = ""));

    [Theory]
    [InlineData("MaxTextLength")]
    [InlineData("QueueCapacity")]
    [InlineData("BatchSize")]
    public void CatalogueBounds_OutOfRange_NamesTheKey(string key) =>
        Assert.StartsWith($"Umbraco:Personalization:Catalogue:{key}:", Failure(s =>
        {
            switch (key)
            {
                case "MaxTextLength": s.Catalogue.MaxTextLength = -1; break;
                case "QueueCapacity": s.Catalogue.QueueCapacity = 0; break;
                default: s.Catalogue.BatchSize = 20_000; break;
            }
        }));

    [Fact]
    public void BlockSettingsElementTypes_Empty_Fails() =>
        Assert.StartsWith("Umbraco:Personalization:Blocks:SettingsElementTypes:", Failure(s => s.Blocks.SettingsElementTypes = []));
}
