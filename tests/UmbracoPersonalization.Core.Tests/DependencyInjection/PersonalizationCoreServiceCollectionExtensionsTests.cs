using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UmbracoPersonalization.Core.DependencyInjection;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Templating;
using UmbracoPersonalization.Core.Tests.Support;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.DependencyInjection;

public class PersonalizationCoreServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Action<IServiceCollection>? before = null, Action<ProfileOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        before?.Invoke(services);
        services.AddPersonalizationCore(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddPersonalizationCore_ResolvesEveryService()
    {
        using var provider = Build();

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Same(provider.GetRequiredService<DefinitionSnapshotHolder>(), provider.GetRequiredService<IDefinitionSnapshotProvider>());
        Assert.IsType<Personalizer>(provider.GetRequiredService<IPersonalizer>());
        Assert.NotNull(provider.GetRequiredService<ProfileBuilder>());
        Assert.NotNull(provider.GetRequiredService<SegmentEvaluator>());
        Assert.NotNull(provider.GetRequiredService<ProfileUpdater>());
        Assert.NotNull(provider.GetRequiredService<LiquidRenderer>());
        Assert.NotNull(provider.GetRequiredService<LiquidTemplateValidator>());
    }

    [Fact]
    public void AddPersonalizationCore_HostRegistrationFirst_IsKept()
    {
        var clock = new FakeTimeProvider();
        using var provider = Build(s => s.AddSingleton<TimeProvider>(clock));
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddPersonalizationCore_Configure_AppliesProfileOptions()
    {
        using var provider = Build(configure: o => o.SessionTimeout = TimeSpan.FromMinutes(10));
        Assert.Equal(TimeSpan.FromMinutes(10), provider.GetRequiredService<ProfileBuilder>().Options.SessionTimeout);
    }

    [Fact]
    public void AddPersonalizationCore_InvalidProfileOptions_FailValidation()
    {
        using var provider = Build(configure: o => o.LoyalMinVisits = 1);
        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProfileOptions>>().Value);
        Assert.Contains(nameof(ProfileOptions.LoyalMinVisits), exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPersonalizationCore_EndToEnd_DecidesOverLoadedDefinitions()
    {
        using var provider = Build();
        provider.GetRequiredService<DefinitionSnapshotHolder>().Update(TestDefinitions.Set());

        var decision = provider.GetRequiredService<IPersonalizer>().Decide("home-hero", TestDefinitions.Context(visits: 2));

        Assert.Equal("welcome-back", decision.Variant!.Key);
    }
}
