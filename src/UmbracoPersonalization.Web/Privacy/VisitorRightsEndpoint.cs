using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Middleware;

namespace UmbracoPersonalization.Web.Privacy;

/// <summary>
/// Self-service data-subject rights for the visitor behind the request (identified by the signed visitor cookie):
/// <list type="bullet">
/// <item><c>GET /umbraco/personalization/api/me/export</c>: everything stored, as a JSON download (404 when nothing is).</item>
/// <item><c>POST /umbraco/personalization/api/me/erase</c>: deletes everything stored and the visitor cookie (204, or 303 to a local <c>returnUrl</c>).</item>
/// <item><c>POST /umbraco/personalization/api/me/preferences</c>: the preference centre's actions (<c>action</c> = <c>pause</c>,
/// <c>resume</c>, <c>add-topic</c>, <c>remove-topic</c>, <c>remove-interest</c>; <c>value</c>; optional <c>returnUrl</c>).</item>
/// </list>
/// Cross-site request forgery: the POSTs change only the caller's own data and need a form body, so (as the consent
/// endpoint) they require an <c>Origin</c> (or <c>Referer</c>) of this site; a cross-site form post gets 403. The GET
/// changes nothing and its answer is not readable cross-origin (no CORS), and is sent <c>no-store</c>.
/// </summary>
internal sealed class VisitorRightsEndpoint
{
    public const string Path = "/umbraco/personalization/api/me";

    private const int MaxValueLength = 64;
    private static readonly FormOptions FormLimits = new() { ValueCountLimit = 8, ValueLengthLimit = 2048, KeyLengthLimit = 32, BufferBodyLengthLimit = 4096, MultipartBodyLengthLimit = 4096 };

    private readonly IOptionsMonitor<PersonalizationSettings> _settings;
    private readonly IVisitorDataService _data;
    private readonly IProfileStore _profiles;
    private readonly VisitorDataMinimizer _minimizer;

    public VisitorRightsEndpoint(IOptionsMonitor<PersonalizationSettings> settings, IVisitorDataService data, IProfileStore profiles, VisitorDataMinimizer minimizer)
    {
        _settings = settings;
        _data = data;
        _profiles = profiles;
        _minimizer = minimizer;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var action = request.Path.Value?.Trim('/') ?? string.Empty;
        if (!_settings.CurrentValue.Enabled || action is not ("export" or "erase" or "preferences"))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var expected = action == "export" ? HttpMethods.Get : HttpMethods.Post;
        if (!string.Equals(request.Method, expected, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.Allow = expected;
            await ProblemResponses.Problem(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed", $"Use {expected}.");
            return;
        }

        IFormCollection form = FormCollection.Empty;
        if (expected == HttpMethods.Post)
        {
            if (!ConsentEndpoint.IsSameOrigin(request))
            {
                await ProblemResponses.Problem(context, StatusCodes.Status403Forbidden, "Cross-origin request refused", "Post a form from this site (the Origin or Referer header must match).");
                return;
            }

            if (!request.HasFormContentType)
            {
                await ProblemResponses.Problem(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Post application/x-www-form-urlencoded or multipart/form-data.");
                return;
            }

            // Read and checked before anything changes: a bad form or return address changes nothing.
            try
            {
                form = await ReadFormAsync(context);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                await ProblemResponses.ValidationProblem(
                    context, "body", $"The body could not be read as a form of at most {FormLimits.ValueCountLimit} values of {FormLimits.ValueLengthLimit} characters.", "Invalid form");
                return;
            }

            if (form["returnUrl"].ToString() is { Length: > 0 } returnUrl && !ConsentEndpoint.IsLocalUrl(returnUrl))
            {
                await ProblemResponses.ValidationProblem(context, "returnUrl", "returnUrl must be a local path such as '/privacy'.", "Invalid return address");
                return;
            }
        }

        var visitorId = VisitorRequest.VisitorId(context);
        if (visitorId is null)
        {
            await ProblemResponses.Problem(context, StatusCodes.Status404NotFound, "Nothing stored", "This browser carries no visitor id, so nothing is stored about it.");
            return;
        }

        switch (action)
        {
            case "export":
                var export = await _data.ExportAsync(VisitorDataSubject.ForVisitor(visitorId), AuditActors.Self, context.RequestAborted);
                await VisitorRequest.WriteExportAsync(context, VisitorDataJson.Serialize(export));
                return;
            case "erase":
                await _data.EraseAsync(VisitorDataSubject.ForVisitor(visitorId), AuditActors.Self, context.RequestAborted);
                VisitorRequest.DeleteVisitorCookie(context);
                Done(context, form);
                return;
            default:
                await PreferencesAsync(context, visitorId, form);
                return;
        }
    }

    private async Task PreferencesAsync(HttpContext context, string visitorId, IFormCollection form)
    {
        if (!VisitorRequest.Consent(context).AllowsStorage)
        {
            await ProblemResponses.Problem(context, StatusCodes.Status409Conflict, "No consent", "Preferences are stored, which needs analytics or personalization consent.");
            return;
        }

        var action = form["action"].ToString();
        var value = form["value"].ToString().Trim();
        if (!TryGetChange(action, value, out var change, out var error))
        {
            await ProblemResponses.ValidationProblem(context, error.Field, error.Message, "Invalid preference");
            return;
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var profile = await _profiles.GetAsync(visitorId, context.RequestAborted) ?? VisitorProfile.CreateNew(visitorId);
            var expected = profile.Version;
            change(profile);
            _minimizer.Minimize(profile);
            if (await _profiles.SaveAsync(profile, expected, context.RequestAborted))
            {
                Done(context, form);
                return;
            }
        }

        await ProblemResponses.Problem(context, StatusCodes.Status409Conflict, "Try again", "The profile kept changing; please try again.");
    }

    internal static bool TryGetChange(string action, string value, out Action<VisitorProfile> change, out (string Field, string Message) error)
    {
        change = static _ => { };
        error = default;
        if (action is "pause" or "resume")
        {
            var paused = action == "pause";
            change = p => p.PersonalizationPaused = paused;
            return true;
        }

        if (action is not ("add-topic" or "remove-topic" or "remove-interest"))
        {
            error = ("action", "Use pause, resume, add-topic, remove-topic or remove-interest.");
            return false;
        }

        if (value.Length is 0 or > MaxValueLength || value.Any(char.IsControl))
        {
            error = ("value", $"Give a topic of 1-{MaxValueLength} characters.");
            return false;
        }

        change = action switch
        {
            "add-topic" => p =>
            {
                p.SuppressedInterests.Remove(value);
                if (p.Topics.Count < VisitorProfile.MaxTopics)
                {
                    p.Topics.Add(value);
                }
            },
            "remove-topic" => p => p.Topics.Remove(value),
            _ => p =>
            {
                p.CategoryInterests.Remove(value);
                p.TagInterests.Remove(value);
                p.Topics.Remove(value);
                if (p.SuppressedInterests.Count < VisitorProfile.MaxSuppressedInterests)
                {
                    p.SuppressedInterests.Add(value);
                }
            },
        };
        return true;
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpContext context)
    {
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, FormLimits));
        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    private static void Done(HttpContext context, IFormCollection form)
    {
        var returnUrl = form["returnUrl"].ToString();
        if (returnUrl.Length > 0) // checked to be local before anything changed
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = ConsentEndpoint.ToLocation(returnUrl);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
