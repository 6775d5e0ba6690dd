using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace UmbracoPersonalization.Web.Segments;

/// <summary>
/// A global MVC filter: after routing and before Umbraco's <c>RenderController</c> (or a Delivery API controller)
/// runs, sets the visitor's segment on the variation context; and again before the result (the view) executes, because
/// a variation-context accessor that keeps its value in an async-local (Umbraco's hybrid accessor outside an HTTP
/// request cache) does not carry a value set inside the action's flow over to the result's.
/// </summary>
/// <remarks>
/// Added as a global filter of order 0 after the member sign-in filter, so it runs after that one (an order on this
/// class would not count: MVC orders a service filter by its <see cref="ServiceFilterAttribute"/>).
/// </remarks>
internal sealed class ApplyVisitorSegmentFilter(VisitorSegmentApplier applier) : IAsyncActionFilter, IAsyncResultFilter
{
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
