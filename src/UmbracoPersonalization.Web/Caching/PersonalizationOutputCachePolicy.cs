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
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
