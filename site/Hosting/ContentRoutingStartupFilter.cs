using UmbracoPersonalization.Site.Publishing;

namespace UmbracoPersonalization.Site.Hosting;

/// <summary>
/// Resolves the request URL to published content at the very start of the pipeline, before the
/// personalization middleware builds the visitor context, so the page's categories and tags are known to it.
/// Registered before the composers run, so it wraps every later startup filter.
/// </summary>
internal sealed class ContentRoutingStartupFilter(ContentCatalog catalog) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                var page = catalog.GetByRoute(context.Request.Path.Value);
                if (page is not null)
                {
                    context.SetCurrentPage(page);
                }
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
