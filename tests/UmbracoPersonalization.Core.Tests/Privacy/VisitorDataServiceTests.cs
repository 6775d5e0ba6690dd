using Microsoft.Extensions.Time.Testing;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Tests.Support;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Privacy;

public class VisitorDataServiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly InMemoryStores _stores = new();
    private readonly InMemoryAuditLog _audit = new();
    private readonly FakeTimeProvider _time = new(T0);
    private readonly RecentErasures _erasures;
    private readonly VisitorDataService _service;

    public VisitorDataServiceTests()
    {
        _erasures = new RecentErasures(_time);
        _service = new VisitorDataService(_stores, _stores, _stores, _stores, _audit, _erasures, _time, []);
        Seed("alice", memberKey: "m-alice");
        Seed("alice-phone", memberKey: "m-alice");
        Seed("bob");
    }

    private void Seed(string visitorId, string? memberKey = null)
    {
        _stores.Profiles[visitorId] = new VisitorProfile { VisitorId = visitorId, Version = 1, MemberKey = memberKey, Visits = 1, FirstSeen = T0, LastSeen = T0 };
        for (var i = 0; i < 3; i++)
        {
            _stores.Events.Add(new VisitorEvent { Id = Guid.NewGuid(), VisitorId = visitorId, Type = VisitorEventType.PageView, Timestamp = T0.AddMinutes(i), Url = "/" + visitorId });
        }

        _stores.Assignments.Add(new VisitorAssignment(visitorId, "exp", 1, T0));
    }

    [Fact]
    public async Task Export_Visitor_ReturnsExactlyTheirDataAndNotAnotherVisitors()
    {
        var export = await _service.ExportAsync(VisitorDataSubject.ForVisitor("bob"), AuditActors.Self);

        Assert.Equal(["bob"], export.VisitorIds);
        Assert.Equal("bob", Assert.Single(export.Profiles).VisitorId);
        Assert.Equal(3, export.Events.Count);
        Assert.All(export.Events, e => Assert.Equal("bob", e.VisitorId));
        Assert.Equal("bob", Assert.Single(export.Assignments).VisitorId);
        var json = VisitorDataJson.Serialize(export);
        Assert.DoesNotContain("alice", json, StringComparison.Ordinal);
        Assert.Contains("\"visitorId\": \"bob\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Member_CoversEveryDevice()
    {
        var export = await _service.ExportAsync(VisitorDataSubject.ForMember("m-alice"), "editor");

        Assert.Equal(["alice", "alice-phone"], export.VisitorIds);
        Assert.Equal(6, export.Events.Count);
        Assert.Equal(2, export.Assignments.Count);
    }

    [Fact]
    public async Task Export_Member_IncludesAProfileStoredUnderAMergedId()
    {
        _stores.Profiles["alice"].MergedVisitorIds.Add("old-anon");
        _stores.Profiles["old-anon"] = new VisitorProfile { VisitorId = "old-anon", Version = 1, PageViews = 2, FirstSeen = T0, LastSeen = T0 };

        var export = await _service.ExportAsync(VisitorDataSubject.ForMember("m-alice"), "editor");

        Assert.Equal(["alice", "alice-phone", "old-anon"], export.Profiles.Select(p => p.VisitorId));
    }

    [Fact]
    public async Task Erase_Visitor_RemovesEverythingOfTheirsOnly_AndAuditsCountsWithoutTheId()
    {
        var result = await _service.EraseAsync(VisitorDataSubject.ForVisitor("bob"), AuditActors.Self);

        Assert.Equal(new VisitorErasureResult(1, 1, 3, 1, 0), result);
        Assert.DoesNotContain("bob", _stores.Profiles.Keys);
        Assert.DoesNotContain(_stores.Events, e => e.VisitorId == "bob");
        Assert.DoesNotContain(_stores.Assignments, a => a.VisitorId == "bob");
        Assert.Equal(6, _stores.Events.Count);
        Assert.True(_erasures.Contains("bob"));

        var entry = Assert.Single((await _audit.QueryAsync(new AuditQuery())).Items);
        Assert.Equal((AuditActors.Self, AuditActions.Erased, AuditEntityTypes.VisitorData), (entry.Actor, entry.Action, entry.EntityType));
        Assert.Null(entry.EntityKey);
        Assert.DoesNotContain("bob", entry.After, StringComparison.Ordinal);
        Assert.Contains("\"events\":3", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_Member_IncludesMergedVisitorIds_AndIsIdempotent()
    {
        _stores.Profiles["alice"].MergedVisitorIds.Add("old-anon");
        _stores.Events.Add(new VisitorEvent { Id = Guid.NewGuid(), VisitorId = "old-anon", Type = VisitorEventType.PageView, Timestamp = T0 });

        var first = await _service.EraseAsync(VisitorDataSubject.ForMember("m-alice"), "editor");
        var second = await _service.EraseAsync(VisitorDataSubject.ForMember("m-alice"), "editor");

        Assert.Equal(new VisitorErasureResult(3, 2, 7, 2, 0), first);
        Assert.Equal(new VisitorErasureResult(0, 0, 0, 0, 0), second);
        Assert.Equal(3, _stores.Events.Count); // bob's, untouched
        Assert.All(_stores.Events, e => Assert.Equal("bob", e.VisitorId));
    }

    [Fact]
    public async Task WithdrawConsent_DeletesTheProfileAndEvents_AuditedAsSelf()
    {
        await _service.WithdrawConsentAsync("bob");

        Assert.DoesNotContain("bob", _stores.Profiles.Keys);
        Assert.DoesNotContain(_stores.Events, e => e.VisitorId == "bob");
        var entry = Assert.Single((await _audit.QueryAsync(new AuditQuery())).Items);
        Assert.Equal((AuditActors.Self, AuditActions.ConsentWithdrawn), (entry.Actor, entry.Action));
    }

    [Fact]
    public async Task Export_WhileTheWorkerStoresTheFirstPageViews_HasTheirProfile()
    {
        // The worker commits a new visitor's page views together with their profile; here that commit lands while the
        // export is reading, just before the events are read.
        var storing = new CommitOnFirstRead(_stores, () =>
        {
            _stores.Events.Add(new VisitorEvent { Id = Guid.NewGuid(), VisitorId = "carol", Type = VisitorEventType.PageView, Timestamp = T0, Url = "/carol" });
            _stores.Profiles["carol"] = new VisitorProfile { VisitorId = "carol", Version = 1, PageViews = 1, FirstSeen = T0, LastSeen = T0 };
        });
        var service = new VisitorDataService(_stores, storing, _stores, _stores, _audit, _erasures, _time, []);

        var export = await service.ExportAsync(VisitorDataSubject.ForVisitor("carol"), AuditActors.Self);

        Assert.Equal("/carol", Assert.Single(export.Events).Url);
        Assert.Equal(1, Assert.Single(export.Profiles).PageViews);
    }

    [Fact]
    public async Task WithdrawConsent_AlsoDeletesWhatIsStoredUnderIdsMergedIntoTheProfile()
    {
        _stores.Profiles["alice"].MergedVisitorIds.Add("old-anon");
        _stores.Profiles["old-anon"] = new VisitorProfile { VisitorId = "old-anon", Version = 1, PageViews = 1, FirstSeen = T0, LastSeen = T0 };
        _stores.Events.Add(new VisitorEvent { Id = Guid.NewGuid(), VisitorId = "old-anon", Type = VisitorEventType.PageView, Timestamp = T0 });

        var result = await _service.WithdrawConsentAsync("alice");

        Assert.Equal(new VisitorErasureResult(2, 2, 4, 1, 0), result);
        Assert.DoesNotContain(_stores.Events, e => e.VisitorId is "alice" or "old-anon");
        Assert.DoesNotContain("old-anon", _stores.Profiles.Keys);
        Assert.Contains("alice-phone", _stores.Profiles.Keys); // another device of the member keeps its own consent
    }

    [Fact]
    public async Task Export_IsAudited()
    {
        await _service.ExportAsync(VisitorDataSubject.ForVisitor("bob"), "editor");

        var entry = Assert.Single((await _audit.QueryAsync(new AuditQuery { Action = AuditActions.Exported })).Items);
        Assert.Equal("editor", entry.Actor);
        Assert.DoesNotContain("bob", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public void RecentErasures_ForgetAfterTheWindow()
    {
        _erasures.Add("x");
        _time.Advance(RecentErasures.Window + TimeSpan.FromSeconds(1));

        Assert.False(_erasures.Contains("x"));
    }

    /// <summary>An event store whose first read happens just after <c>commit</c> ran (the worker's commit).</summary>
    private sealed class CommitOnFirstRead(IEventStore inner, Action commit) : IEventStore
    {
        private Action? _commit = commit;

        public Task AppendAsync(IReadOnlyCollection<VisitorEvent> events, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(events, cancellationToken);

        public Task<IReadOnlyList<VisitorEvent>> GetByVisitorAsync(string visitorId, CancellationToken cancellationToken = default)
        {
            Interlocked.Exchange(ref _commit, null)?.Invoke();
            return inner.GetByVisitorAsync(visitorId, cancellationToken);
        }

        public Task<int> DeleteByVisitorAsync(string visitorId, CancellationToken cancellationToken = default) =>
            inner.DeleteByVisitorAsync(visitorId, cancellationToken);
    }
}
