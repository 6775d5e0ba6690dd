using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using UmbracoPersonalization.Core.Conditions;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Criteria;
using UmbracoPersonalization.Web.Tests.TestSite;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.Criteria;

/// <summary>One request's attributes, built the way the middleware builds them (built-ins plus the providers).</summary>
public sealed class CriteriaHarness
{
    public DefaultHttpContext Http { get; } = new();

    public VisitorProfile Profile { get; } = VisitorProfile.CreateNew("visitor-1");

    public RequestContext Request { get; set; } = new()
    {
        Timestamp = new DateTimeOffset(2026, 12, 7, 10, 30, 0, TimeSpan.FromHours(1)), // a Monday, 10:30 site time
    };

    public CriteriaSettings Criteria { get; } = new();

    public CriteriaHarness()
    {
        Http.Request.Host = new HostString("Shop.Example.com", 443);
        Http.Request.Headers.UserAgent = TestSite.TestSite.BrowserUserAgent;
        Profile.Visits = 1;
        Profile.PageViews = 1;
    }

    public CriteriaHarness SignIn(params Claim[] claims)
    {
        Http.User = new ClaimsPrincipal(new ClaimsIdentity(claims, "member"));
        return this;
    }

    public CriteriaHarness WithSession(string key, string value)
    {
        var session = new DictionarySession();
        session.SetString(key, value);
        Http.Features.Set<ISessionFeature>(new SessionFeature { Session = session });
        return this;
    }

    public VisitorAttributes Attributes()
    {
        var settings = new StaticOptionsMonitor<PersonalizationSettings>(new PersonalizationSettings { Criteria = Criteria });
        IVisitorAttributeProvider[] providers =
        [
            new RequestCriteriaProvider(settings),
            new MemberCriteriaProvider(settings),
            new ProfileCriteriaProvider(),
        ];
        var feature = new PersonalizationFeature(Http, ConsentState.Undecided, Request, Profile, Profile.VisitorId, false, null, providers);
        Http.Features.Set(feature); // as the middleware does: the providers run only while the request is current
        return VisitorAttributes.Create(feature.VisitorContext, new ProfileOptions());
    }

    public bool Matches(string condition) => Condition.Parse(condition).IsMatch(Attributes());

    private sealed class DictionarySession : ISession
    {
        private readonly Dictionary<string, byte[]> _values = new(StringComparer.Ordinal);

        public bool IsAvailable => true;

        public string Id => "session-1";

        public IEnumerable<string> Keys => _values.Keys;

        public void Clear() => _values.Clear();

        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task LoadAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Remove(string key) => _values.Remove(key);

        public void Set(string key, byte[] value) => _values[key] = value;

        public bool TryGetValue(string key, out byte[] value) => _values.TryGetValue(key, out value!);
    }

    private sealed class SessionFeature : ISessionFeature
    {
        public ISession Session { get; set; } = null!;
    }
}
