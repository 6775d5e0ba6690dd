using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Segments;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Caching;

/// <summary>
/// The output-cache vary-by key of a request: the applied segment, every other segment the visitor is in (content can be
/// gated on any of them), the consent state (the banner and the preference centre depend on it), plus every placement
/// whose decision is not the default with the variant decided (and the experiment arm), e.g.
/// <c>s=vip;m=vip,mobile;c=7;home-hero=spring;home-cta=b@cta-test:1</c>. Two visitors share a cached page only when they
/// would see the same segment content, the same variants and the same arms. <c>s=;c=u</c> is default content for a
/// visitor who has not chosen yet. A page that renders a Liquid template variant is never stored (<see cref="CanStore"/>):
/// its text can hold the visitor's own values.
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
    public string GetKey(HttpContext httpContext) => Get(httpContext).Key;

    /// <summary>
    /// Whether the page may be stored in the output cache: not when a decided variant (the default included) is a Liquid
    /// template, whose output can differ between visitors with the same key.
    /// </summary>
    /// <param name="httpContext">The request.</param>
    /// <returns><c>false</c> to keep the response out of the cache.</returns>
    public bool CanStore(HttpContext httpContext) => Get(httpContext).Storable;

    /// <summary>The key computed again, now: differs from <see cref="GetKey"/> when the page changed what decides it.</summary>
    internal (string Key, bool Storable) Recompute(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        // The selector keeps its first choice for the request; the package's own one can choose again from the context
        // as the page left it (DescribePage).
        var selection = _selector is VisitorSegmentSelector selector && _visitors.VisitorContext is { } context
            ? selector.Select(context)
            : _selector.Select(httpContext);
        return Compute(selection);
    }

    private (string Key, bool Storable) Get(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Items.TryGetValue(CacheKey, out var cached) && cached is ValueTuple<string, bool> known)
        {
            return known;
        }

        var computed = Compute(_selector.Select(httpContext));
        httpContext.Items[CacheKey] = computed;
        return computed;
    }

    private (string Key, bool Storable) Compute(SegmentSelection selection)
    {
        var builder = new StringBuilder("s=").Append(selection.Alias);
        if (selection.Memberships.Count > 1)
        {
            builder.Append(";m=").AppendJoin(',', selection.Memberships);
        }

        var storable = true;
        if (_visitors.VisitorContext is { } context)
        {
            builder.Append(";c=").Append(context.Consent.IsDecided ? ((int)context.Consent.Granted).ToString(CultureInfo.InvariantCulture) : "u");
            foreach (var placement in _snapshots.Current.Placements)
            {
                var decision = _personalizer.Decide(placement, context);
                storable &= decision.Variant is not { IsTemplate: true };
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

        return (builder.ToString(), storable);
    }
}
