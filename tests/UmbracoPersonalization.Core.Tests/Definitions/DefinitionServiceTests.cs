using Microsoft.Extensions.Time.Testing;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Tests.Support;

namespace UmbracoPersonalization.Core.Tests.Definitions;

public class DefinitionServiceTests
{
    private readonly InMemoryStores _store = new();
    private readonly InMemoryAuditLog _audit = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly DefinitionService _service;

    public DefinitionServiceTests() => _service = new DefinitionService(_store, _audit, _time);

    [Fact]
    public async Task SaveSegment_New_SavesAndAuditsCreatedWithAfterJson()
    {
        var result = await _service.SaveSegmentAsync(new SegmentDefinition("fans", "Fans", """{"visits": {"$gte": 2}}"""), "editor@example.com");

        Assert.True(result.Succeeded);
        var entry = Assert.Single((await _audit.QueryAsync(new AuditQuery())).Items);
        Assert.Equal(("editor@example.com", AuditActions.Created, AuditEntityTypes.Segment, "fans"), (entry.Actor, entry.Action, entry.EntityType, entry.EntityKey));
        Assert.Null(entry.Before);
        Assert.Contains("\"alias\":\"fans\"", entry.After, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow(), entry.Timestamp);
    }

    [Fact]
    public async Task SaveSegment_Changed_AuditsBeforeAndAfter()
    {
        await _service.SaveSegmentAsync(new SegmentDefinition("fans", "Fans", """{"visits": 2}"""), "a");
        _time.Advance(TimeSpan.FromMinutes(1));

        await _service.SaveSegmentAsync(new SegmentDefinition("fans", "Fans", """{"visits": 3}"""), "b");

        var latest = (await _audit.QueryAsync(new AuditQuery { Take = 1 })).Items[0];
        Assert.Equal(AuditActions.Updated, latest.Action);
        Assert.Contains("{\\u0022visits\\u0022: 2}", latest.Before, StringComparison.Ordinal);
        Assert.Contains("{\\u0022visits\\u0022: 3}", latest.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveSegment_InvalidCondition_IsRefusedAndNothingIsWritten()
    {
        var result = await _service.SaveSegmentAsync(new SegmentDefinition("bad", "Bad", """{"visits": {"$nope": 1}}"""), "a");

        Assert.Equal(DefinitionChangeStatus.Invalid, result.Status);
        Assert.NotNull(result.Error);
        Assert.Empty(_store.Segments);
        Assert.Equal(0, (await _audit.QueryAsync(new AuditQuery())).Total);
    }

    [Fact]
    public async Task DeleteSegment_UsedByAnExperience_IsRefused()
    {
        foreach (var segment in TestDefinitions.Segments())
        {
            await _service.SaveSegmentAsync(segment, "a");
        }

        Assert.True((await _service.SaveExperienceAsync(TestDefinitions.Hero(), "a")).Succeeded);

        var result = await _service.DeleteSegmentAsync("from-newsletter", "a");

        Assert.Equal(DefinitionChangeStatus.Invalid, result.Status);
        Assert.Contains(_store.Segments, s => s.Alias == "from-newsletter");
    }

    [Fact]
    public async Task DeleteExperience_AuditsBeforeJson_AndUnknownIsNotFound()
    {
        foreach (var segment in TestDefinitions.Segments())
        {
            await _service.SaveSegmentAsync(segment, "a");
        }

        await _service.SaveExperienceAsync(TestDefinitions.Hero(), "a");

        Assert.True((await _service.DeleteExperienceAsync("home-hero", "b")).Succeeded);
        Assert.Equal(DefinitionChangeStatus.NotFound, (await _service.DeleteExperienceAsync("home-hero", "b")).Status);

        var deleted = (await _audit.QueryAsync(new AuditQuery { Action = AuditActions.Deleted })).Items.Single();
        Assert.Equal(("b", AuditEntityTypes.Experience, "home-hero"), (deleted.Actor, deleted.EntityType, deleted.EntityKey));
        Assert.Contains("\"placement\":\"home-hero\"", deleted.Before, StringComparison.Ordinal);
        Assert.Null(deleted.After);
    }

    [Fact]
    public async Task AuditQuery_FiltersByEntityAndTime_AndPages()
    {
        for (var i = 0; i < 5; i++)
        {
            await _service.SaveSegmentAsync(new SegmentDefinition($"s{i}", "S", """{"visits": 1}"""), "a");
            _time.Advance(TimeSpan.FromMinutes(1));
        }

        var page = await _audit.QueryAsync(new AuditQuery { EntityType = AuditEntityTypes.Segment, Skip = 1, Take = 2 });
        Assert.Equal(5, page.Total);
        Assert.Equal(["s3", "s2"], page.Items.Select(e => e.EntityKey));

        var since = await _audit.QueryAsync(new AuditQuery { From = _time.GetUtcNow().AddMinutes(-2) });
        Assert.Equal(["s4", "s3"], since.Items.Select(e => e.EntityKey));

        Assert.Equal("s1", (await _audit.QueryAsync(new AuditQuery { EntityKey = "s1" })).Items.Single().EntityKey);
    }
}
