using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Templating;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.DependencyInjection;

/// <summary>Registers the personalization engine (no ASP.NET, Umbraco or database).</summary>
public static class PersonalizationCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers options (validated on start), <see cref="TimeProvider.System"/>, the definitions snapshot holder and
    /// provider, <see cref="ProfileBuilder"/>, <see cref="SegmentEvaluator"/>, <see cref="ProfileUpdater"/>,
    /// <see cref="IPersonalizer"/> and the Liquid validator, cache and renderer. Every registration is a TryAdd, so a
    /// host can replace any piece by registering it first. Hosts provide logging (<c>ILogger&lt;T&gt;</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configureProfile">Optional changes to <see cref="ProfileOptions"/>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddPersonalizationCore(this IServiceCollection services, Action<ProfileOptions>? configureProfile = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        AddConfiguration(services, configureProfile);
        AddServices(services);
        AddPrivacy(services);
        AddTemplating(services);
        return services;
    }

    private static void AddConfiguration(IServiceCollection services, Action<ProfileOptions>? configureProfile)
    {
        var profile = services.AddOptions<ProfileOptions>();
        if (configureProfile is not null)
        {
            profile.Configure(configureProfile);
        }

        profile.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProfileOptions>, ProfileOptionsValidator>());

        services.AddOptions<LiquidOptions>()
            .Validate(
                o => o.MaxTemplateLength > 0 && o.MaxNestingDepth > 0 && o.MaxIterations > 0 && o.RenderTimeout > TimeSpan.Zero
                    && o.MaxOutputLength > 0 && o.MaxCachedTemplates > 0 && o.MaxMemoizedOutputs > 0,
                "Every Liquid limit must be positive.")
            .ValidateOnStart();
    }

    private static void AddServices(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DefinitionSnapshotHolder>();
        services.TryAddSingleton<IDefinitionSnapshotProvider>(sp => sp.GetRequiredService<DefinitionSnapshotHolder>());
        services.TryAddSingleton<ProfileBuilder>();
        services.TryAddSingleton<SegmentEvaluator>();
        services.TryAddSingleton<ProfileUpdater>();
        services.TryAddSingleton<IPersonalizer, Personalizer>();
    }

    private static void AddPrivacy(IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>()
            .Validate(o => o.AllowedQueryKeys is not null && o.StoredProfileAttributes is not null
                    && o.StoredProfileAttributes.All(a => PrivacyOptions.AllProfileAttributes.Contains(a, StringComparer.OrdinalIgnoreCase)),
                "Umbraco:Personalization:Privacy:StoredProfileAttributes may only name: " + string.Join(", ", PrivacyOptions.AllProfileAttributes) + ".")
            .ValidateOnStart();
        services.AddOptions<RetentionOptions>()
            .Validate(o => o.EventRetention > TimeSpan.Zero && o.InactiveProfileRetention > TimeSpan.Zero
                    && (o.AuditRetention is null || o.AuditRetention > TimeSpan.Zero),
                "Umbraco:Personalization:Retention: every retention must be positive.")
            .Validate(o => o.PurgeInterval >= TimeSpan.FromSeconds(1) && o.BatchSize is > 0 and <= 100_000 && o.PauseBetweenBatches >= TimeSpan.Zero,
                "Umbraco:Personalization:Retention: PurgeInterval must be at least 1 second, BatchSize 1-100000, PauseBetweenBatches not negative.")
            .ValidateOnStart();
        services.TryAddSingleton<VisitorDataMinimizer>();
        services.TryAddSingleton<RecentErasures>();
        services.TryAddSingleton<ProfileMerger>();
    }

    private static void AddTemplating(IServiceCollection services)
    {
        services.TryAddSingleton<LiquidTemplateValidator>();
        services.TryAddSingleton<LiquidTemplateCache>();
        services.TryAddSingleton<LiquidRenderer>();
    }
}
