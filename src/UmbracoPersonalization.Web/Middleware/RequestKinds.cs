using Microsoft.AspNetCore.Http;

namespace UmbracoPersonalization.Web.Middleware;

/// <summary>Which requests the middleware looks at, and which of them count as page views.</summary>
internal static class RequestKinds
{
    public const string PreviewQueryKey = "up-preview";

    private static readonly PathString Umbraco = new("/umbraco");
    private static readonly PathString Delivery = new("/umbraco/delivery");
    private static readonly PathString OurApi = new("/umbraco/personalization");
    private static readonly PathString AppPlugins = new("/App_Plugins");

    /// <summary>The back office: under <c>/umbraco</c>, other than the Delivery API and the package's own endpoints.</summary>
    public static bool IsBackOffice(HttpRequest request) =>
        request.Path.StartsWithSegments(Umbraco) && !request.Path.StartsWithSegments(Delivery) && !request.Path.StartsWithSegments(OurApi);

    /// <summary>Static files, the back office and plug-in assets: no visitor context at all.</summary>
    public static bool IsSkipped(HttpRequest request)
    {
        var path = request.Path;
        if (path.StartsWithSegments(AppPlugins))
        {
            return true;
        }

        if (path.StartsWithSegments(Umbraco) && !path.StartsWithSegments(Delivery) && !path.StartsWithSegments(OurApi))
        {
            return true;
        }

        var value = path.Value;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var lastSegment = value.AsSpan(value.LastIndexOf('/') + 1);
        var dot = lastSegment.LastIndexOf('.');
        if (dot < 0)
        {
            return false;
        }

        var extension = lastSegment[(dot + 1)..];
        return !extension.Equals("html", StringComparison.OrdinalIgnoreCase) && !extension.Equals("htm", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A successful GET of an HTML page outside <c>/umbraco</c>.</summary>
    public static bool IsCountablePageView(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !context.Request.Path.StartsWithSegments(Umbraco)
        && context.Response.StatusCode is >= 200 and < 300
        && context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
}
