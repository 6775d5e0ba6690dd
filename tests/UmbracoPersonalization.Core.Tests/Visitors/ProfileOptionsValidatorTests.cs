using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Visitors;

public class ProfileOptionsValidatorTests
{
    private readonly ProfileOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new ProfileOptions()).Succeeded);
    }

    [Fact]
    public void Defaults_AreTheDocumentedValues()
    {
        var options = new ProfileOptions();
        Assert.Equal(TimeSpan.FromMinutes(30), options.SessionTimeout);
        Assert.Equal(TimeSpan.FromDays(7), options.InterestHalfLife);
        Assert.Equal(2, options.EngagedMinVisits);
        Assert.Equal(5, options.LoyalMinVisits);
        Assert.Equal(TimeSpan.FromDays(14), options.AtRiskAfter);
        Assert.Equal(TimeSpan.FromDays(60), options.LapsedAfter);
    }

    public static TheoryData<string, Action<ProfileOptions>> InvalidOptions => new()
    {
        { nameof(ProfileOptions.SessionTimeout), o => o.SessionTimeout = TimeSpan.Zero },
        { nameof(ProfileOptions.InterestHalfLife), o => o.InterestHalfLife = TimeSpan.FromDays(-1) },
        { nameof(ProfileOptions.PageViewInterest), o => o.PageViewInterest = double.NaN },
        { nameof(ProfileOptions.ClickInterest), o => o.ClickInterest = -1 },
        { nameof(ProfileOptions.EngagedMinVisits), o => o.EngagedMinVisits = 1 },
        { nameof(ProfileOptions.LoyalMinVisits), o => o.LoyalMinVisits = 2 },
        { nameof(ProfileOptions.AtRiskAfter), o => o.AtRiskAfter = TimeSpan.FromMinutes(10) },
        { nameof(ProfileOptions.LapsedAfter), o => o.LapsedAfter = TimeSpan.FromDays(14) },
        { nameof(ProfileOptions.MaxInterests), o => o.MaxInterests = 0 },
        { nameof(ProfileOptions.MaxPreferences), o => o.MaxPreferences = -1 },
        { nameof(ProfileOptions.MaxPreferenceLength), o => o.MaxPreferenceLength = 0 },
        { nameof(ProfileOptions.PreferenceEventName), o => o.PreferenceEventName = " " },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_InvalidValue_FailsNamingTheOption(string option, Action<ProfileOptions> breakIt)
    {
        var options = new ProfileOptions();
        breakIt(options);

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(option, StringComparison.Ordinal));
    }
}
