using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Consent;
using UmbracoPersonalization.Web.Criteria;
using UmbracoPersonalization.Web.Logging;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Middleware;

/// <summary>
/// Per request: reads consent (plus <c>Sec-GPC</c>), identifies the visitor by the signed cookie (only with consent),
/// builds the visitor context, and after the response records a page view (only with consent, only for HTML pages).
/// Anything that fails here is logged and the request goes on without personalization.
/// </summary>
internal sealed class PersonalizationMiddleware
{
    private readonly RequestDelegate _next;
    private readonly IOptionsMonitor<PersonalizationSettings> _settings;
    private readonly UserAgentClassifier _classifier;
    private readonly IVisitorIdProtector _protector;
    private readonly RequestContextFactory _requestContextFactory;
    private readonly IHostEnvironment _environment;
    private readonly ILogger<PersonalizationMiddleware> _logger;
    private readonly IVisitorAttributeProvider[] _attributeProviders;
    private readonly string[] _allowedQueryKeys;

    public PersonalizationMiddleware(
        RequestDelegate next,
        IOptionsMonitor<PersonalizationSettings> settings,
        UserAgentClassifier classifier,
        IVisitorIdProtector protector,
        RequestContextFactory requestContextFactory,
        IHostEnvironment environment,
        ILogger<PersonalizationMiddleware> logger,
        IEnumerable<IVisitorAttributeProvider> attributeProviders,
        IOptions<PrivacyOptions> privacy)
    {
        _attributeProviders = attributeProviders.ToArray();
        _allowedQueryKeys = privacy.Value.AllowedQueryKeys.ToArray();
        _next = next;
        _settings = settings;
        _classifier = classifier;
        _protector = protector;
        _requestContextFactory = requestContextFactory;
        _environment = environment;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var settings = _settings.CurrentValue;
        if (!settings.Enabled || RequestKinds.IsSkipped(context.Request))
        {
            await _next(context);
            return;
        }

        PersonalizationFeature? feature = null;
        try
        {
            // Most requests find the profile in memory: then the feature is built synchronously, with no task or state
            // machine for it (awaiting is only needed for a database read).
            var pending = CreateFeature(context, settings);
            feature = pending.IsCompletedSuccessfully ? pending.Result : await pending;
            context.Features.Set(feature);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            Log.VisitorContextFailed(_logger, ex);
        }

        await _next(context);

        if (feature is not null && RequestKinds.IsCountablePageView(context) && feature is { VisitorId: not null, IsBot: false })
        {
            RecordPageView(context, feature);
        }
    }

    private ValueTask<PersonalizationFeature> CreateFeature(HttpContext context, PersonalizationSettings settings)
    {
        var request = context.Request;
        var consent = ApplyGlobalPrivacyControl(context.RequestServices.GetRequiredService<IConsentProvider>().GetConsent(context), request);
        var device = _classifier.Classify(request.Headers.UserAgent);
        var isBot = device == DeviceClass.Bot;
        var requestContext = _requestContextFactory.Create(request, device, settings);

        var visitorId = IdentifyVisitor(context, settings, consent, isBot);
        if (visitorId is null)
        {
            return new(Feature(context, settings, consent, requestContext, TransientProfile(string.Empty, requestContext), visitorId, isBot));
        }

        // Analytics consent alone lets the visit be counted (the profile is kept for analytics and experiments), but
        // adapting what the visitor sees from what was remembered needs the personalization purpose: until then the
        // page is decided from this request alone, as for a visitor who has not chosen.
        var store = consent.Allows(ConsentPurposes.Personalization) ? context.RequestServices.GetService<IProfileStore>() : null;
        if (store is null)
        {
            return new(Feature(context, settings, consent, requestContext, TransientProfile(visitorId, requestContext), visitorId, isBot));
        }

        if (TryLoadProfileFromMemory(store, visitorId, requestContext) is { } profile)
        {
            return new(Feature(context, settings, consent, requestContext, profile, visitorId, isBot));
        }

        return CreateFeatureAsync(context, settings, consent, requestContext, store, visitorId, isBot);
    }

    private async ValueTask<PersonalizationFeature> CreateFeatureAsync(
        HttpContext context,
        PersonalizationSettings settings,
        ConsentState consent,
        RequestContext requestContext,
        IProfileStore store,
        string visitorId,
        bool isBot)
    {
        var profile = await LoadProfileFromStoreAsync(context, store, visitorId, requestContext, settings.ProfileLoadTimeout);
        return Feature(context, settings, consent, requestContext, profile, visitorId, isBot);
    }

    private PersonalizationFeature Feature(
        HttpContext context,
        PersonalizationSettings settings,
        ConsentState consent,
        RequestContext requestContext,
        VisitorProfile profile,
        string? visitorId,
        bool isBot) =>
        new(context, consent, requestContext, profile, visitorId, isBot, ReadPreviewSegment(context.Request, settings), _attributeProviders, _logger);

    internal static ConsentState ApplyGlobalPrivacyControl(ConsentState consent, HttpRequest request)
    {
        var gpc = request.Headers["Sec-GPC"].ToString().Trim() == "1";
        return gpc ? consent with { Granted = consent.Granted & ~ConsentPurposes.Marketing, GlobalPrivacyControl = true } : consent;
    }

    /// <summary>Returns the visitor id when the visitor may be identified; sets or deletes the visitor cookie.</summary>
    private string? IdentifyVisitor(HttpContext context, PersonalizationSettings settings, ConsentState consent, bool isBot)
    {
        var request = context.Request;
        var cookieValue = PersonalizationCookieValues.Read(context, settings).Visitor;

        if (!consent.AllowsStorage)
        {
            if (cookieValue is not null)
            {
                PersonalizationCookies.Delete(context.Response, request, PersonalizationCookies.VisitorName(request, settings)); // consent withdrawn or expired
            }

            return null;
        }

        if (isBot)
        {
            return null; // bots are never identified, profiled or counted
        }

        if (_protector.TryUnprotect(cookieValue, out var visitorId))
        {
            return visitorId;
        }

        if (cookieValue is not null)
        {
            Log.InvalidVisitorCookie(_logger);
        }

        visitorId = _protector.NewVisitorId();
        PersonalizationCookies.AppendVisitor(context, settings, _protector.Protect(visitorId));
        return visitorId;
    }

    /// <summary>
    /// The profile when no database read is needed: from the store's memory, or a transient one (a visitor known to
    /// have no stored profile yet, or a store that failed); <c>null</c> when the store must be read.
    /// </summary>
    private VisitorProfile? TryLoadProfileFromMemory(IProfileStore store, string visitorId, RequestContext request)
    {
        try
        {
            if (store.TryGetFromMemory(visitorId, out var remembered))
            {
                return remembered;
            }

            // Looked up a moment ago and not stored (a new visitor whose first page views are still queued, or a worker
            // that cannot write): no database read per request until a save or the marker's expiry.
            return store.IsKnownMissing(visitorId) ? TransientProfile(visitorId, request) : null;
        }
        catch (Exception ex)
        {
            Log.ProfileLoadFailed(_logger, ex);
            return TransientProfile(visitorId, request);
        }
    }

    private async Task<VisitorProfile> LoadProfileFromStoreAsync(HttpContext context, IProfileStore store, string visitorId, RequestContext request, TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        cts.CancelAfter(timeout);
        try
        {
            var profile = await store.GetAsync(visitorId, cts.Token).WaitAsync(cts.Token);
            return profile ?? TransientProfile(visitorId, request);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.ProfileLoadTimedOut(_logger, timeout);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ProfileLoadFailed(_logger, ex);
        }

        return TransientProfile(visitorId, request);
    }

    /// <summary>A profile built from this request alone (never stored): contextual personalization still works.</summary>
    internal static VisitorProfile TransientProfile(string visitorId, RequestContext request)
    {
        var profile = VisitorProfile.CreateNew(visitorId);
        profile.FirstSeen = request.Timestamp;
        profile.LastSeen = request.Timestamp;
        profile.VisitStartedAt = request.Timestamp;
        profile.Visits = 1;
        profile.PageViews = 1;
        profile.VisitPageViews = 1;
        profile.FirstReferrer = request.Referrer;
        profile.LastReferrer = request.Referrer;
        profile.FirstUtm = request.Utm.IsEmpty ? null : request.Utm;
        profile.LastUtm = profile.FirstUtm;
        profile.Device = request.Device;
        profile.Language = request.Language;
        profile.Country = request.Country;
        return profile;
    }

    private string? ReadPreviewSegment(HttpRequest request, PersonalizationSettings settings)
    {
        if (!settings.PreviewEnabled || _environment.IsProduction())
        {
            return null;
        }

        var value = request.Query[RequestKinds.PreviewQueryKey].ToString();
        return value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? value : null;
    }

    private void RecordPageView(HttpContext context, PersonalizationFeature feature)
    {
        try
        {
            var queue = context.RequestServices.GetService<IEventQueue>();
            if (queue is null)
            {
                return;
            }

            var request = feature.Request;
            var accepted = queue.TryEnqueue(new VisitorEvent
            {
                Id = EventIds.NewVersion7(request.Timestamp),
                VisitorId = feature.VisitorId!,
                Type = VisitorEventType.PageView,
                Timestamp = request.Timestamp,
                Url = RequestContextFactory.EventUrl(request, _allowedQueryKeys),
                Referrer = request.Referrer,
                Utm = request.Utm.IsEmpty ? null : request.Utm,
                Device = request.Device,
                Language = request.Language,
                Country = request.Country,
                Categories = feature.Categories,
                Tags = feature.Tags,
            });
            if (!accepted)
            {
                Log.PageViewDropped(_logger);
            }
        }
        catch (Exception ex)
        {
            Log.PageViewFailed(_logger, ex);
        }
    }
}
