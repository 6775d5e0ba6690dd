using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace UmbracoPersonalization.Web.Caching;

/// <summary>
/// An ASP.NET Core output-cache policy that varies cached pages by <see cref="PersonalizationVaryBy"/>:
/// <c>options.AddBasePolicy(b => b.AddPolicy&lt;PersonalizationOutputCachePolicy&gt;())</c> or per endpoint.
/// It only adds the vary-by value; other policies decide whether a response is cached at all.
/// </summary>
public sealed class PersonalizationOutputCachePolicy : IOutputCachePolicy
{
    /// <summary>The name of the vary-by value.</summary>
    public const string VaryByName = "up-personalization";

    /// <inheritdoc />
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var varyBy = context.HttpContext.RequestServices.GetService<PersonalizationVaryBy>();
        if (varyBy is not null)
        {
            context.CacheVaryByRules.VaryByValues[VaryByName] = varyBy.GetKey(context.HttpContext);
            if (!varyBy.CanStore(context.HttpContext))
            {
                context.AllowCacheStorage = false;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <summary>
    /// Before a rendered page is stored: the key is made before the page runs, so a page that changed what decides it
    /// (described its categories and tags) is stored only when its key came out the same, under which it is looked up.
    /// </summary>
    /// <param name="context">The output-cache context.</param>
    /// <param name="cancellation">Unused.</param>
    /// <returns>A completed task.</returns>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.AllowCacheStorage
            && context.HttpContext.RequestServices.GetService<PersonalizationVaryBy>() is { } varyBy
            && context.CacheVaryByRules.VaryByValues.TryGetValue(VaryByName, out var key))
        {
            var now = varyBy.Recompute(context.HttpContext);
            if (!now.Storable || !string.Equals(now.Key, key, StringComparison.Ordinal))
            {
                context.AllowCacheStorage = false;
            }
        }

        return ValueTask.CompletedTask;
    }
}
