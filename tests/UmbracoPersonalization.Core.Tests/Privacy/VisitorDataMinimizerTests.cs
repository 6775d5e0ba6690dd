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

    [Fact]
    public void ReloadedOptions_TakeEffectOnTheNextProfileAndEvent()
    {
        var monitor = new ReloadingMonitor(new PrivacyOptions { StoredProfileAttributes = [ProfileAttributeGroups.Language] });
        var minimizer = new VisitorDataMinimizer(monitor);
        var first = new VisitorProfile { VisitorId = "v", Language = "nl", Country = "NL" };
        minimizer.Minimize(first);

        monitor.CurrentValue = new PrivacyOptions { StoredProfileAttributes = [ProfileAttributeGroups.Country], AllowedQueryKeys = ["page"] };
        var second = new VisitorProfile { VisitorId = "v", Language = "nl", Country = "NL" };
        minimizer.Minimize(second);
        var e = new VisitorEvent { Id = Guid.NewGuid(), VisitorId = "v", Type = VisitorEventType.PageView, Timestamp = DateTimeOffset.UnixEpoch, Url = "/list?page=2&q=secret" };

        Assert.Equal(("nl", (string?)null), (first.Language, first.Country));
        Assert.Equal(((string?)null, "NL"), (second.Language, second.Country));
        Assert.Equal("/list?page=2", minimizer.Minimize(e).Url);
    }

    private sealed class ReloadingMonitor(PrivacyOptions value) : IOptionsMonitor<PrivacyOptions>
    {
        public PrivacyOptions CurrentValue { get; set; } = value;

        public PrivacyOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<PrivacyOptions, string?> listener) => null;
    }

    private sealed class StaticMonitor(PrivacyOptions value) : IOptionsMonitor<PrivacyOptions>
    {
        public PrivacyOptions CurrentValue => value;

        public PrivacyOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<PrivacyOptions, string?> listener) => null;
    }
}
