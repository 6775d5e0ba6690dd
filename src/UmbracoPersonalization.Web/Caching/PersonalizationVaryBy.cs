using System.Text;
using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Segments;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Caching;

/// <summary>
/// The output-cache vary-by key of a request: the applied segment, plus every placement whose decision is not the
/// default with the variant decided (and the experiment arm), e.g. <c>s=vip;home-hero=spring;home-cta=b@cta-test:1</c>.
/// Two visitors share a cached page only when they would see the same segment content, the same variants and the same
/// arms. <c>s=</c> alone means default content.
/// </summary>
public sealed class PersonalizationVaryBy
{
    private static readonly object CacheKey = new();
    private readonly IVisitorSegmentSelector _selector;
    private readonly IVisitorContextAccessor _visitors;
    private readonly IPersonalizer _personalizer;
    private readonly IDefinitionSnapshotProvider _snapshots;

    /// <summary>Creates the key builder.</summary>
    public PersonalizationVaryBy(
        IVisitorSegmentSelector selector,
        IVisitorContextAccessor visitors,
        IPersonalizer personalizer,
        IDefinitionSnapshotProvider snapshots)
    {
        _selector = selector;
        _visitors = visitors;
        _personalizer = personalizer;
        _snapshots = snapshots;
    }

    /// <summary>The key of the current request (computed once per request).</summary>
    /// <param name="httpContext">The request.</param>
    /// <returns>The key.</returns>
    public string GetKey(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Items.TryGetValue(CacheKey, out var cached) && cached is string key)
        {
            return key;
        }

        var builder = new StringBuilder("s=").Append(_selector.Select(httpContext).Alias);
        if (_visitors.VisitorContext is { } context)
        {
            foreach (var placement in _snapshots.Current.Placements)
            {
                var decision = _personalizer.Decide(placement, context);
                if (decision.IsFallback || decision.Variant is null)
                {
                    continue; // the default variant: same for everyone
                }

                builder.Append(';').Append(placement).Append('=').Append(decision.Variant.Key);
                if (decision.ExperimentKey is { } experiment && decision.ExperimentArm is { } arm)
                {
                    builder.Append('@').Append(experiment).Append(':').Append(arm);
                }
            }
        }

        key = builder.ToString();
        httpContext.Items[CacheKey] = key;
        return key;
    }
}
