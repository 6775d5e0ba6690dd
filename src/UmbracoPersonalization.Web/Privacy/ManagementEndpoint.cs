using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Middleware;

namespace UmbracoPersonalization.Web.Privacy;

/// <summary>
/// The editors' data-subject and audit API, behind the <see cref="ManagementAuthorization.PolicyName"/> policy:
/// <list type="bullet">
/// <item><c>GET visitors/{visitorId}/export</c>, <c>POST visitors/{visitorId}/erase</c></item>
/// <item><c>GET members/{memberKey}/export</c>, <c>POST members/{memberKey}/erase</c> (every device of the member)</item>
/// <item><c>GET audit?entityType=&amp;entityKey=&amp;action=&amp;actor=&amp;from=&amp;to=&amp;skip=&amp;take=</c> (newest first, paged)</item>
/// </list>
/// under <c>/umbraco/personalization/management/api/</c>. Answers 401 without an authenticated user and 403 when the
/// policy fails. A POST authenticated by cookie must come from this site (<c>Origin</c>/<c>Referer</c>); one carrying an
/// <c>Authorization</c> header (a token, which browsers never add by themselves) need not.
/// </summary>
internal sealed class ManagementEndpoint
{
    public const string Path = "/umbraco/personalization/management/api";

    private readonly IOptionsMonitor<PersonalizationSettings> _settings;

    public ManagementEndpoint(IOptionsMonitor<PersonalizationSettings> settings) => _settings = settings;

    public async Task HandleAsync(HttpContext context)
    {
        var segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var route = Route.Parse(segments);
        if (!_settings.CurrentValue.Enabled || route is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (route.Method != context.Request.Method.ToUpperInvariant())
        {
            context.Response.Headers.Allow = route.Method;
            await ProblemResponses.Problem(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed", $"Use {route.Method}.");
            return;
        }

        if (!await AuthorizeAsync(context, route.Subject, _settings.CurrentValue.ManagementAuthenticationSchemes))
        {
            return;
        }

        if (route.Method == HttpMethods.Post && !context.Request.Headers.ContainsKey("Authorization") && !ConsentEndpoint.IsSameOrigin(context.Request))
        {
            await ProblemResponses.Problem(context, StatusCodes.Status403Forbidden, "Cross-origin request refused", "The Origin or Referer header must match this site.");
            return;
        }

        var data = context.RequestServices.GetRequiredService<IVisitorDataService>();
        var actor = Actor(context.User);
        switch (route.Action)
        {
            case "export":
                var export = await data.ExportAsync(route.Subject!, actor, context.RequestAborted);
                await VisitorRequest.WriteExportAsync(context, VisitorDataJson.Serialize(export));
                break;
            case "erase":
                var result = await data.EraseAsync(route.Subject!, actor, context.RequestAborted);
                await Results.Json(result).ExecuteAsync(context);
                break;
            default:
                if (!TryReadQuery(context.Request.Query, out var query, out var error))
                {
                    await ProblemResponses.ValidationProblem(context, error.Field, error.Message, "Invalid audit query");
                    return;
                }

                var page = await context.RequestServices.GetRequiredService<IAuditLog>().QueryAsync(query, context.RequestAborted);
                await Results.Json(page).ExecuteAsync(context);
                break;
        }
    }

    /// <summary>The editor's name for audit entries: the identity's name, else its name identifier.</summary>
    internal static string Actor(ClaimsPrincipal user) =>
        user.Identity?.Name is { Length: > 0 } name ? name
        : user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id ? id
        : "editor";

    private static async Task<bool> AuthorizeAsync(HttpContext context, VisitorDataSubject? resource, string[] configuredSchemes)
    {
        var policies = context.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await policies.GetPolicyAsync(ManagementAuthorization.PolicyName)
            ?? throw new InvalidOperationException($"The authorization policy '{ManagementAuthorization.PolicyName}' is not registered.");
        var evaluator = context.RequestServices.GetRequiredService<IPolicyEvaluator>();

        // This endpoint runs before the host's authentication middleware: authenticate here, with the policy's
        // schemes, else the configured ones, else the host's default scheme.
        AuthenticateResult authentication;
        if (policy.AuthenticationSchemes.Count == 0 && configuredSchemes.Length > 0)
        {
            policy = new AuthorizationPolicyBuilder(configuredSchemes).Combine(policy).Build();
        }

        if (policy.AuthenticationSchemes.Count > 0)
        {
            authentication = await evaluator.AuthenticateAsync(policy, context);
        }
        else if (context.RequestServices.GetService<IAuthenticationSchemeProvider>() is { } schemes
            && await schemes.GetDefaultAuthenticateSchemeAsync() is not null)
        {
            authentication = await context.AuthenticateAsync();
            if (authentication.Succeeded)
            {
                context.User = authentication.Principal;
            }
        }
        else
        {
            authentication = AuthenticateResult.NoResult();
        }

        var result = await evaluator.AuthorizeAsync(policy, authentication, context, resource);
        if (result.Succeeded)
        {
            return true;
        }

        if (result.Challenged)
        {
            await ProblemResponses.Problem(context, StatusCodes.Status401Unauthorized, "Authentication required", "Sign in to the back office.");
        }
        else
        {
            await ProblemResponses.Problem(context, StatusCodes.Status403Forbidden, "Forbidden", $"The '{ManagementAuthorization.PolicyName}' policy refused the request.");
        }

        return false;
    }

    private const int MaxFilterLength = 256;
    private static readonly string[] TextFilters = ["entityType", "entityKey", "action", "actor"];

    private static bool TryReadQuery(IQueryCollection q, out AuditQuery query, out (string Field, string Message) error)
    {
        query = new AuditQuery();
        error = default;
        DateTimeOffset? from = null, to = null;
        int skip = 0, take = 50;
        // An empty value is no filter (a form or link template leaves unused fields empty).
        if (Given(q, "from") is { } f && !TryDate(f, out from))
        {
            error = ("from", "Use an ISO 8601 date and time.");
            return false;
        }

        if (Given(q, "to") is { } t && !TryDate(t, out to))
        {
            error = ("to", "Use an ISO 8601 date and time.");
            return false;
        }

        if (Given(q, "skip") is { } s && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip > 1_000_000))
        {
            error = ("skip", "Use a whole number from 0 to 1000000.");
            return false;
        }

        if (Given(q, "take") is { } k && (!int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > AuditQuery.MaxPageSize))
        {
            error = ("take", $"Use a whole number from 1 to {AuditQuery.MaxPageSize}.");
            return false;
        }

        foreach (var key in TextFilters)
        {
            if (Given(q, key) is { Length: > MaxFilterLength })
            {
                error = (key, $"At most {MaxFilterLength} characters.");
                return false;
            }
        }

        query = new AuditQuery
        {
            EntityType = Given(q, "entityType"),
            EntityKey = Given(q, "entityKey"),
            Action = Given(q, "action"),
            Actor = Given(q, "actor"),
            From = from,
            To = to,
            Skip = skip,
            Take = take,
        };
        return true;
    }

    private static string? Given(IQueryCollection q, string key) => q.TryGetValue(key, out var v) && v.ToString() is { Length: > 0 } s ? s : null;

    private static bool TryDate(string value, out DateTimeOffset? date)
    {
        var ok = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed);
        date = ok ? parsed : null;
        return ok;
    }

    private sealed record Route(string Method, string Action, VisitorDataSubject? Subject)
    {
        public static Route? Parse(string[] segments)
        {
            if (segments is ["audit"])
            {
                return new Route(HttpMethods.Get, "audit", null);
            }

            if (segments is not [var kind, var key, var action] || action is not ("export" or "erase") || key.Length > 128)
            {
                return null;
            }

            var id = key; // the path is already decoded by the server
            if (string.IsNullOrWhiteSpace(id))
            {
                return null;
            }

            var subject = kind switch
            {
                "visitors" => VisitorDataSubject.ForVisitor(id),
                "members" => VisitorDataSubject.ForMember(id),
                _ => null,
            };
            return subject is null ? null : new Route(action == "export" ? HttpMethods.Get : HttpMethods.Post, action, subject);
        }
    }
}
