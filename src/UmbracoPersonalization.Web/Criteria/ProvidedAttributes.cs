using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Logging;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Criteria;

/// <summary>
/// The attributes the <see cref="IVisitorAttributeProvider"/>s contribute to a request, collected when something first
/// reads them (at most once per request). The visitor's attribute view looks a name up here only when it is not built
/// in, so a page whose definitions read only built-in attributes never runs the providers. Read after its request has
/// ended (a context kept by a background task), it holds none: the server reuses the request's objects for the next
/// request, whose cookies and headers are not this visitor's.
/// </summary>
internal sealed class ProvidedAttributes : IReadOnlyDictionary<string, AttributeValue>
{
    private static readonly IReadOnlyDictionary<string, AttributeValue> None =
        new Dictionary<string, AttributeValue>(StringComparer.Ordinal);

    private readonly HttpContext _httpContext;
    private readonly PersonalizationFeature _feature;
    private readonly VisitorProfile _profile;
    private readonly RequestContext _request;
    private readonly IReadOnlyList<IVisitorAttributeProvider> _providers;
    private readonly ILogger? _logger;
    private IReadOnlyDictionary<string, AttributeValue>? _values;
    private bool _collecting;

    /// <summary>Creates the view; nothing runs until it is read.</summary>
    /// <param name="httpContext">The request the providers read.</param>
    /// <param name="feature">The request's feature, which shows the request is still running when it is read.</param>
    /// <param name="profile">The visitor's profile snapshot.</param>
    /// <param name="request">The request as the providers see it (without these attributes).</param>
    /// <param name="providers">The providers, in registration order.</param>
    /// <param name="logger">Where a failing provider is logged.</param>
    public ProvidedAttributes(
        HttpContext httpContext,
        PersonalizationFeature feature,
        VisitorProfile profile,
        RequestContext request,
        IReadOnlyList<IVisitorAttributeProvider> providers,
        ILogger? logger)
    {
        _httpContext = httpContext;
        _feature = feature;
        _profile = profile;
        _request = request;
        _providers = providers;
        _logger = logger;
    }

    public int Count => Collected.Count;

    public IEnumerable<string> Keys => Collected.Keys;

    public IEnumerable<AttributeValue> Values => Collected.Values;

    private IReadOnlyDictionary<string, AttributeValue> Collected => Volatile.Read(ref _values) ?? Collect();

    public AttributeValue this[string key] => Collected[key];

    public bool ContainsKey(string key) => Collected.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out AttributeValue value) => Collected.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, AttributeValue>> GetEnumerator() => Collected.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IReadOnlyDictionary<string, AttributeValue> Collect()
    {
        // The view itself is the lock (it is internal, so nothing else locks on it): a lock object of its own would be
        // one more allocation on every request.
        lock (this)
        {
            if (_values is { } collected)
            {
                return collected;
            }

            if (_collecting)
            {
                return None; // a provider reading the attributes it is contributing to: it sees none, as before
            }

            if (!IsCurrentRequest())
            {
                return None;
            }

            _collecting = true;
            try
            {
                var context = new VisitorAttributeContext(_httpContext, _profile, _request);
                foreach (var provider in _providers)
                {
                    try
                    {
                        provider.Contribute(context);
                    }
                    catch (Exception ex)
                    {
                        if (_logger is not null)
                        {
                            Log.AttributeProviderFailed(_logger, ex, provider.GetType().Name);
                        }
                    }
                }

                Volatile.Write(ref _values, context.Values);
                return context.Values;
            }
            finally
            {
                _collecting = false;
            }
        }
    }

    private bool IsCurrentRequest()
    {
        try
        {
            return ReferenceEquals(_httpContext.Features.Get<PersonalizationFeature>(), _feature);
        }
        catch (ObjectDisposedException)
        {
            return false; // the request has ended and its context was returned to the server
        }
    }
}
