using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.DependencyInjection;
using UmbracoPersonalization.Core.Privacy;

namespace UmbracoPersonalization.Core.Tests.Privacy;

public class PrivacyOptionsValidationTests
{
    private static T Resolve<T>(Action<IServiceCollection> configure)
        where T : class
    {
        var services = new ServiceCollection();
        services.AddPersonalizationCore();
        configure(services);
        return services.BuildServiceProvider().GetRequiredService<IOptions<T>>().Value;
    }

    [Fact]
    public void Defaults_AreValid()
    {
        var privacy = Resolve<PrivacyOptions>(_ => { });
        var retention = Resolve<RetentionOptions>(_ => { });

        Assert.Equal(["utm_*"], privacy.AllowedQueryKeys);
        Assert.Equal(PrivacyOptions.AllProfileAttributes, privacy.StoredProfileAttributes);
        Assert.Equal(TimeSpan.FromDays(180), retention.EventRetention);
        Assert.Equal(TimeSpan.FromDays(395), retention.InactiveProfileRetention);
    }

    [Fact]
    public void StoredProfileAttributes_UnknownGroup_NamesTheKey()
    {
        var ex = Assert.Throws<OptionsValidationException>(() =>
            Resolve<PrivacyOptions>(s => s.Configure<PrivacyOptions>(o => o.StoredProfileAttributes = ["interests", "ip-address"])));

        Assert.Contains("Umbraco:Personalization:Privacy:StoredProfileAttributes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_NotPositive_IsRefused()
    {
        Assert.Throws<OptionsValidationException>(() =>
            Resolve<RetentionOptions>(s => s.Configure<RetentionOptions>(o => o.EventRetention = TimeSpan.Zero)));
    }

    [Fact]
    public void Retention_BatchSizeOrIntervalOutOfRange_IsRefused()
    {
        Assert.Throws<OptionsValidationException>(() =>
            Resolve<RetentionOptions>(s => s.Configure<RetentionOptions>(o => o.BatchSize = 0)));
        Assert.Throws<OptionsValidationException>(() =>
            Resolve<RetentionOptions>(s => s.Configure<RetentionOptions>(o => o.PurgeInterval = TimeSpan.FromMilliseconds(10))));
    }
}
