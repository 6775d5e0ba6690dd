using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace UmbracoPersonalization.Web.Segments;

/// <summary>Pipeline steps for hosts that do not route through MVC controllers.</summary>
public static class ApplicationBuilderExtensions
{
    /// <summary>
    /// Sets the visitor's segment on the variation context for every request. Call it after <c>UseRouting()</c>
    /// (and after whatever sets the request culture). MVC hosts do not need it: a global action filter does the same.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UsePersonalizationSegment(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(next => context =>
        {
            context.RequestServices.GetRequiredService<VisitorSegmentApplier>().Apply(context);
            return next(context);
        });
    }
}
