using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Segments;
using UmbracoPersonalization.Web.Privacy;

namespace UmbracoPersonalization.Web.Middleware;

/// <summary>
/// Adds the package's endpoint and middleware at the start of the host's pipeline. An <see cref="IStartupFilter"/>
/// works in any ASP.NET Core host, with or without Umbraco's pipeline filters; authentication has not run yet at
/// that point, which is why the visitor context reads the member lazily.
/// </summary>
internal sealed class PersonalizationStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<SegmentHeaderGuardMiddleware>();
        app.Map(ConsentEndpoint.Path, branch => branch.Run(context =>
            context.RequestServices.GetRequiredService<ConsentEndpoint>().HandleAsync(context)));
        app.Map(VisitorRightsEndpoint.Path, branch => branch.Run(context =>
            context.RequestServices.GetRequiredService<VisitorRightsEndpoint>().HandleAsync(context)));
        app.Map(ManagementEndpoint.Path, branch => branch.Run(context =>
            context.RequestServices.GetRequiredService<ManagementEndpoint>().HandleAsync(context)));
        app.UseMiddleware<PersonalizationMiddleware>();
        next(app);
    };
}
