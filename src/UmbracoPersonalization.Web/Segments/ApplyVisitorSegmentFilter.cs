using Microsoft.AspNetCore.Mvc.Filters;

namespace UmbracoPersonalization.Web.Segments;

/// <summary>
/// A global MVC filter: after routing and before Umbraco's <c>RenderController</c> (or a Delivery API controller)
/// runs, sets the visitor's segment on the variation context; and again before the result (the view) executes, because
/// a variation-context accessor that keeps its value in an async-local (Umbraco's hybrid accessor outside an HTTP
/// request cache) does not carry a value set inside the action's flow over to the result's.
/// </summary>
internal sealed class ApplyVisitorSegmentFilter(VisitorSegmentApplier applier) : IAsyncActionFilter, IAsyncResultFilter, IOrderedFilter
{
    /// <summary>Early, so other filters and the action see the segment.</summary>
    public int Order => -1000;

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        applier.Apply(context.HttpContext);
        return next();
    }

    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        applier.Apply(context.HttpContext);
        return next();
    }
}
