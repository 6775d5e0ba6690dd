using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Privacy;

public class VisitorDataMinimizerTests
{
    private static VisitorDataMinimizer Minimizer(PrivacyOptions options) =>
        new(new StaticMonitor(options));

    [Fact]
    public void MinimizeEvent_StripsQueryFromUrlAndReferrer()
    {
        var e = new VisitorEvent
        {
            Id = Guid.NewGuid(),
            VisitorId = "v",
            Type = VisitorEventType.PageView,
            Timestamp = DateTimeOffset.UnixEpoch,
            Url = "/a?email=x&utm_source=y",
            Referrer = "https://search.example/?q=my+name",
        };

        var minimized = Minimizer(new PrivacyOptions()).Minimize(e);

        Assert.Equal("/a?utm_source=y", minimized.Url);
        Assert.Equal("https://search.example/", minimized.Referrer);
    }

    [Fact]
    public void MinimizeProfile_AttributeGroupsNotAllowListed_AreCleared()
    {
        var profile = new VisitorProfile
        {
            VisitorId = "v",
            Visits = 2,
            Country = "NL",
            Language = "nl",
            Device = DeviceClass.Mobile,
            FirstReferrer = "https://a.example/?x=1",
            FirstUtm = new UtmParameters("news"),
            CategoryInterests = { ["bikes"] = new InterestScore(1, DateTimeOffset.UnixEpoch) },
            Preferences = { ["firstName"] = "Ann" },
        };
        var options = new PrivacyOptions { StoredProfileAttributes = [ProfileAttributeGroups.Interests, ProfileAttributeGroups.Referrer] };

        Minimizer(options).Minimize(profile);

        Assert.Null(profile.Country);
        Assert.Null(profile.Language);
        Assert.Equal(DeviceClass.Unknown, profile.Device);
        Assert.Null(profile.FirstUtm);
        Assert.Empty(profile.Preferences);
        Assert.Equal("https://a.example/", profile.FirstReferrer);
        Assert.Single(profile.CategoryInterests);
        Assert.Equal(2, profile.Visits);
    }

    private sealed class StaticMonitor(PrivacyOptions value) : IOptionsMonitor<PrivacyOptions>
    {
        public PrivacyOptions CurrentValue => value;

        public PrivacyOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<PrivacyOptions, string?> listener) => null;
    }
}
