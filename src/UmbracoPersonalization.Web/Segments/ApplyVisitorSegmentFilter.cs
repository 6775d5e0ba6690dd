using Microsoft.AspNetCore.Mvc.Filters;

namespace UmbracoPersonalization.Web.Segments;

/// <summary>
/// A global MVC action filter: after routing and before Umbraco's <c>RenderController</c> (or a Delivery API
/// controller) runs, sets the visitor's segment on the variation context.
/// </summary>
internal sealed class ApplyVisitorSegmentFilter(VisitorSegmentApplier applier) : IAsyncActionFilter, IOrderedFilter
{
    /// <summary>Early, so other filters and the action see the segment.</summary>
    public int Order => -1000;

    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        applier.Apply(context.HttpContext);
        return next();
    }
}
