using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Middleware;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Consent;

/// <summary>
/// <c>POST /umbraco/personalization/api/consent</c>: records the visitor's consent choice in the consent cookie and
/// sets or deletes the visitor cookie to match.
/// <para>
/// Body: a form (<c>purposes=analytics&amp;purposes=personalization</c>, or <c>purposes=all</c> /
/// <c>purposes=necessary</c>, optional local <c>returnUrl</c>) or JSON (<c>{"purposes":["analytics"]}</c> or
/// <c>{"purposes":"all"}</c>). Answers 204, or 303 back to <c>returnUrl</c> for forms; 400 problem+json naming the
/// field for bad input.
/// </para>
/// <para>
/// Cross-site request forgery: the endpoint only changes the visitor's own consent, so instead of antiforgery
/// tokens (which would need a session before consent) it requires an <c>Origin</c> (or, without one, a
/// <c>Referer</c>) whose host and scheme match the request, and a form or JSON content type; a cross-site form
/// post is refused with 403. The cookies are <c>SameSite=Lax</c>, so other sites' subrequests do not carry them.
/// </para>
/// </summary>
public sealed class ConsentEndpoint
{
    /// <summary>The endpoint path.</summary>
    public const string Path = "/umbraco/personalization/api/consent";

    private const int MaxBodyBytes = 4096;
    private static readonly FormOptions FormLimits = new()
    {
        ValueCountLimit = 16,
        ValueLengthLimit = 2048,
        KeyLengthLimit = 64,
        MultipartBodyLengthLimit = MaxBodyBytes,
        BufferBodyLengthLimit = MaxBodyBytes,
    };

    private readonly IOptionsMonitor<PersonalizationSettings> _settings;
    private readonly IVisitorIdProtector _protector;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the endpoint.</summary>
    public ConsentEndpoint(IOptionsMonitor<PersonalizationSettings> settings, IVisitorIdProtector protector, TimeProvider timeProvider)
    {
        _settings = settings;
        _protector = protector;
        _timeProvider = timeProvider;
    }

    /// <summary>Handles one request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = _settings.CurrentValue;
        var request = context.Request;
        if (!settings.Enabled || request.Path.HasValue && request.Path != "/")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await ProblemResponses.Problem(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed", "Use POST.");
            return;
        }

        if (!IsSameOrigin(request))
        {
            await ProblemResponses.Problem(context, StatusCodes.Status403Forbidden, "Cross-origin request refused", "The Origin or Referer header must match this site.");
            return;
        }

        // A choice recorded here would be overruled on the next request by the CMP's TC string, which the TCF reader
        // prefers: a withdrawal would not stick, a grant would not either. The CMP is where this visitor chooses.
        if (context.RequestServices.GetService<IConsentProvider>() is TcfConsentProvider && TcfConsentProvider.HasTcString(context))
        {
            await ProblemResponses.Problem(
                context, StatusCodes.Status409Conflict, "Consent is managed by the consent platform", "This visitor's choice is kept by the site's IAB TCF consent platform: change it there.");
            return;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            await ProblemResponses.Problem(context, StatusCodes.Status413PayloadTooLarge, "Request too large", $"At most {MaxBodyBytes} bytes.");
            return;
        }

        ConsentInput? input;
        try
        {
            input = request.HasFormContentType ? await ReadFormAsync(context)
                : request.HasJsonContentType() ? await ReadJsonAsync(context)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or IOException or BadHttpRequestException)
        {
            await ValidationProblem(context, "body", "The body could not be read as a form or JSON object.");
            return;
        }

        if (input is null)
        {
            await ProblemResponses.Problem(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send application/x-www-form-urlencoded, multipart/form-data or application/json.");
            return;
        }

        if (!TryParsePurposes(input.Purposes, out var granted, out var error))
        {
            await ValidationProblem(context, "purposes", error);
            return;
        }

        if (input.ReturnUrl is not null && !IsLocalUrl(input.ReturnUrl))
        {
            await ValidationProblem(context, "returnUrl", "returnUrl must be a local path such as '/shop'.");
            return;
        }

        var consent = WithGlobalPrivacyControl(granted, request);
        await WriteCookiesAsync(context, settings, consent);

        if (input.IsForm && input.ReturnUrl is not null)
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = ToLocation(input.ReturnUrl);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static ConsentPurposes WithGlobalPrivacyControl(ConsentPurposes granted, HttpRequest request) =>
        PersonalizationMiddleware.ApplyGlobalPrivacyControl(new ConsentState(granted), request).Granted;

    private async Task WriteCookiesAsync(HttpContext context, PersonalizationSettings settings, ConsentPurposes granted)
    {
        var request = context.Request;
        var response = context.Response;
        response.Cookies.Append(
            PersonalizationCookies.ConsentName(request, settings),
            ConsentCookie.Format(granted, _timeProvider.GetUtcNow(), settings.ConsentPolicyVersion),
            PersonalizationCookies.Options(request, settings.VisitorCookieLifetime, httpOnly: false)); // readable by a client-side banner

        var visitorCookie = PersonalizationCookies.VisitorName(request, settings);
        var state = new ConsentState(granted);
        if (!state.AllowsStorage)
        {
            if (request.Cookies.ContainsKey(visitorCookie))
            {
                // Withdrawal: collection stops (no cookie, nothing queued) and what was stored is deleted at once.
                if (_protector.TryUnprotect(request.Cookies[visitorCookie], out var withdrawn)
                    && context.RequestServices.GetService<IVisitorDataService>() is { } data)
                {
                    await data.WithdrawConsentAsync(withdrawn, context.RequestAborted);
                }

                PersonalizationCookies.Delete(response, request, visitorCookie);
            }

            return;
        }

        // Bots are never identified: their choice is recorded, a visitor id is not issued.
        if (context.RequestServices.GetService<UserAgentClassifier>()?.Classify(request.Headers.UserAgent) == DeviceClass.Bot)
        {
            return;
        }

        if (!_protector.TryUnprotect(request.Cookies[visitorCookie], out _))
        {
            PersonalizationCookies.AppendVisitor(context, settings, _protector.Protect(_protector.NewVisitorId()));
        }
    }

    internal static bool TryParsePurposes(IReadOnlyList<string>? values, out ConsentPurposes granted, out string error)
    {
        granted = ConsentPurposes.Necessary;
        error = string.Empty;
        var names = values?
            .SelectMany(v => v.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList() ?? [];
        if (names.Count == 0)
        {
            error = "Give one or more of: all, necessary, analytics, personalization, marketing.";
            return false;
        }

        foreach (var name in names)
        {
            if (name.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                granted = ConsentPurposes.All;
            }
            else if (ConsentCookie.PurposeNames.TryGetValue(name, out var purpose))
            {
                granted |= purpose;
            }
            else
            {
                error = $"'{(name.Length > 40 ? name[..40] : name)}' is not a purpose; use all, necessary, analytics, personalization or marketing.";
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <paramref name="localUrl"/> as a <c>Location</c> header value: characters outside ASCII percent-encoded as UTF-8
    /// (a page such as <c>/über</c>), which a header cannot carry as they are.
    /// </summary>
    internal static string ToLocation(string localUrl)
    {
        if (Ascii.IsValid(localUrl))
        {
            return localUrl;
        }

        var builder = new StringBuilder(localUrl.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < localUrl.Length; i++)
        {
            var c = localUrl[i];
            if (c < 0x80)
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsHighSurrogate(c) && i + 1 < localUrl.Length
                ? Encoding.UTF8.GetBytes(localUrl.AsSpan(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(localUrl.AsSpan(i, 1), bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    internal static bool IsLocalUrl(string url) =>
        url.Length is > 0 and <= 2048
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    internal static bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        var source = origin.Length > 0 && origin != "null" ? origin : request.Headers.Referer.ToString();
        if (source.Length == 0 || !Uri.TryCreate(source, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = request.Host;
        return string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<ConsentInput> ReadFormAsync(HttpContext context)
    {
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, FormLimits));
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = form["returnUrl"];
        return new ConsentInput(
            form["purposes"].Where(v => v is not null).Select(v => v!).ToList(),
            StringValues.IsNullOrEmpty(returnUrl) ? null : returnUrl.ToString(),
            IsForm: true);
    }

    private static async Task<ConsentInput> ReadJsonAsync(HttpContext context)
    {
        var body = await ReadLimitedAsync(context);
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Expected an object.");
        }

        List<string>? purposes = null;
        if (document.RootElement.TryGetProperty("purposes", out var element))
        {
            purposes = element.ValueKind switch
            {
                JsonValueKind.String => [element.GetString()!],
                JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                    element.EnumerateArray().Select(e => e.GetString()!).ToList(),
                _ => ["(not a string)"],
            };
        }

        return new ConsentInput(purposes, null, IsForm: false);
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new InvalidDataException("Body too large.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task ValidationProblem(HttpContext context, string field, string message) =>
        ProblemResponses.ValidationProblem(context, field, message, $"Invalid consent request: {field}");

    private sealed record ConsentInput(IReadOnlyList<string>? Purposes, string? ReturnUrl, bool IsForm);
}
