using UmbracoPersonalization.Core.Consent;

namespace UmbracoPersonalization.Core.Visitors;

/// <summary>
/// Everything a decision may look at for one request: a profile snapshot, the request and the consent.
/// Built once per request by the host (middleware) and read-only afterwards.
/// </summary>
public sealed class VisitorContext
{
    /// <summary>Creates a context.</summary>
    public VisitorContext(VisitorProfile profile, RequestContext request, ConsentState consent)
    {
        Profile = profile;
        Request = request;
        Consent = consent;
    }

    /// <summary>
    /// The profile snapshot, for reading only: the same object may serve every concurrent request of the visitor (see
    /// <see cref="IProfileStore.TryGetFromMemory"/>). For a visitor without consent this is a transient profile built
    /// from this request alone (never stored).
    /// </summary>
    public VisitorProfile Profile { get; }

    /// <summary>The current request.</summary>
    public RequestContext Request { get; }

    /// <summary>The visitor's consent for this request.</summary>
    public ConsentState Consent { get; }

    /// <summary>Whether the visitor is known by a signed visitor cookie (only with consent).</summary>
    public bool IsIdentified { get; init; }

    /// <summary>
    /// An editor's "view as segment" choice: when set, segment membership is forced to this segment alone.
    /// Only honoured outside Production.
    /// </summary>
    public string? PreviewSegment { get; init; }

    /// <summary>Results computed once per request (attributes, segment memberships, template models).</summary>
    internal VisitorRequestCache Cache { get; } = new();
}
