using Microsoft.AspNetCore.Http;

namespace UmbracoPersonalization.Web.Middleware;

/// <summary>The RFC 9457 problem+json answers the package's own endpoints (consent, visitor rights, management) write.</summary>
internal static class ProblemResponses
{
    /// <summary>Writes a problem with <paramref name="status"/>, <paramref name="title"/> and <paramref name="detail"/>.</summary>
    public static Task Problem(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);

    /// <summary>Writes a 400 validation problem naming the one <paramref name="field"/> at fault.</summary>
    public static Task ValidationProblem(HttpContext context, string field, string message, string title) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title).ExecuteAsync(context);
}
