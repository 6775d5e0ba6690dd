using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Auditing;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiments;
using UmbracoPersonalization.Core.Identity;
using UmbracoPersonalization.Core.Privacy;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Ingestion;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Privacy;

/// <summary>The privacy acceptance criteria at the store level, against SQLite and PostgreSQL.</summary>
public sealed class PrivacyAcceptanceTests
{
    private const string Erased = "visitor-3f9c2e71-erase-me";
    private const string Kept = "visitor-7a1b0d55-keep-me";

    private static async Task SeedAsync(IServiceProvider services, string visitorId, string? memberKey = null, int events = 3)
    {
        var profile = new VisitorProfile
        {
            VisitorId = visitorId,
            MemberKey = memberKey,
            Visits = 1,
            PageViews = events,
            FirstSeen = TestEvents.T0,
            LastSeen = TestEvents.T0.AddMinutes(events),
            CategoryInterests = { ["bikes"] = new InterestScore(events, TestEvents.T0) },
        };
        Assert.True(await services.GetRequiredService<IProfileStore>().SaveAsync(profile, 0));
        await services.GetRequiredService<IEventStore>().AppendAsync(
            [.. Enumerable.Range(0, events).Select(i => TestEvents.PageView(visitorId, i, url: "/p/" + visitorId))]);
        await services.GetRequiredService<IAssignmentStore>().SaveAsync(new VisitorAssignment(visitorId, "hero", events % 2, TestEvents.T0));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Erase_ThenEveryTableScanned_FindsNoRowWithTheVisitorsId(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        await SeedAsync(services, Erased);
        await SeedAsync(services, Kept);
        var data = services.GetRequiredService<IVisitorDataService>();
        var factory = services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>();
        await using (var before = await factory.CreateDbContextAsync())
        {
            Assert.NotEmpty(await TableScanner.FindAsync(before, Erased));
        }

        var result = await data.EraseAsync(VisitorDataSubject.ForVisitor(Erased), AuditActors.Self);

        Assert.Equal(new VisitorErasureResult(1, 1, 3, 1, 0), result);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Contains("upPersonalizationAudit", TableScanner.Tables(db));
        Assert.Equal(8, TableScanner.Tables(db).Count); // 7 + upPersonalizationContent (the content catalogue: no visitor data)
        Assert.Empty(await TableScanner.FindAsync(db, Erased));
        Assert.NotEmpty(await TableScanner.FindAsync(db, Kept));
        var audit = Assert.Single((await services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Action = AuditActions.Erased })).Items);
        Assert.Equal(AuditActors.Self, audit.Actor);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Export_ReturnsExactlyTheVisitorsData(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        await SeedAsync(services, Erased, events: 2);
        await SeedAsync(services, Kept, events: 3);

        var export = await services.GetRequiredService<IVisitorDataService>().ExportAsync(VisitorDataSubject.ForVisitor(Kept), "editor");

        Assert.Equal([Kept], export.VisitorIds);
        Assert.Equal(Kept, Assert.Single(export.Profiles).VisitorId);
        Assert.Equal(3, export.Events.Count);
        Assert.Equal(Kept, Assert.Single(export.Assignments).VisitorId);
        var json = VisitorDataJson.Serialize(export);
        Assert.DoesNotContain(Erased, json, StringComparison.Ordinal);
        Assert.Contains("/p/" + Kept, json, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WithdrawConsent_DeletesTheProfileEventsAndAssignments(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        await SeedAsync(services, Erased);
        await SeedAsync(services, Kept);

        await services.GetRequiredService<IVisitorDataService>().WithdrawConsentAsync(Erased);

        Assert.Null(await services.GetRequiredService<IProfileStore>().GetAsync(Erased));
        Assert.Empty(await services.GetRequiredService<IEventStore>().GetByVisitorAsync(Erased));
        Assert.NotNull(await services.GetRequiredService<IProfileStore>().GetAsync(Kept));
        var entry = Assert.Single((await services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery())).Items);
        Assert.Equal(AuditActions.ConsentWithdrawn, entry.Action);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ingestion_AfterErasure_DropsEventsStillQueuedForTheVisitor_AndMinimisesUrls(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync(o => o.MaxBatchDelay = TimeSpan.FromMilliseconds(10), s => s.AddSingleton<IProfileEventApplier, CountingApplier>());
        await services.GetRequiredService<IVisitorDataService>().EraseAsync(VisitorDataSubject.ForVisitor(Erased), "self");
        var worker = services.GetRequiredService<EventIngestionWorker>();
        await worker.StartAsync(CancellationToken.None);
        var queue = services.GetRequiredService<IEventQueue>();

        Assert.True(queue.TryEnqueue(TestEvents.PageView(Erased)));
        Assert.True(queue.TryEnqueue(TestEvents.PageView(Kept, url: "/shop?email=me%40example.com&utm_source=mail")));
        await worker.StopAsync(CancellationToken.None);

        Assert.Null(await services.GetRequiredService<IProfileStore>().GetAsync(Erased));
        Assert.Empty(await services.GetRequiredService<IEventStore>().GetByVisitorAsync(Erased));
        Assert.Equal("/shop?utm_source=mail", Assert.Single(await services.GetRequiredService<IEventStore>().GetByVisitorAsync(Kept)).Url);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ingestion_ErasureWhileTheBatchIsBeingWritten_LeavesNothingOfTheVisitor(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var announced = new AnnouncedSaves();
        var services = await database.MigratedServicesAsync(
            o => o.MaxBatchDelay = TimeSpan.FromMilliseconds(10),
            s => s.AddSingleton<IProfileEventApplier>(sp => new ErasingApplier(sp.GetRequiredService<RecentErasures>(), Erased))
                .AddSingleton<IProfileSaveListener>(announced));
        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();

        // Queued before the worker starts, so they are one batch.
        Assert.True(queue.TryEnqueue(TestEvents.PageView(Erased)));
        Assert.True(queue.TryEnqueue(TestEvents.PageView(Kept)));
        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);

        var profiles = services.GetRequiredService<IProfileStore>();
        var events = services.GetRequiredService<IEventStore>();
        Assert.Null(await profiles.GetAsync(Erased));
        Assert.Empty(await events.GetByVisitorAsync(Erased));
        Assert.Equal(1, (await profiles.GetAsync(Kept))?.PageViews);
        Assert.Single(await events.GetByVisitorAsync(Kept));
        Assert.Equal([Kept], announced.VisitorIds); // the erased visitor's save is not announced to listeners
    }

    [Fact]
    public async Task Ingestion_ErasureWhileTheBatchIsBeingWritten_DeletesFailing_AreRetriedCountedAndNeverStopTheWorker()
    {
        await using var database = await TestDatabase.CreateAsync(PersistenceProvider.Sqlite);
        var services = await database.MigratedServicesAsync(
            o =>
            {
                o.MaxBatchDelay = TimeSpan.FromMilliseconds(10);
                o.MaxStoreAttempts = 3;
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            },
            s => s.AddSingleton<IProfileEventApplier>(sp => new ErasingApplier(sp.GetRequiredService<RecentErasures>(), Erased)));
        await using (var db = await services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER test_no_deletes BEFORE DELETE ON upPersonalizationEvent BEGIN SELECT RAISE(ABORT, 'no deletes'); END;");
        }

        var worker = services.GetRequiredService<EventIngestionWorker>();
        var queue = services.GetRequiredService<IEventQueue>();
        using var recorder = new MetricRecorder(services.GetRequiredService<PersistenceMetrics>().Meter);
        Assert.True(queue.TryEnqueue(TestEvents.PageView(Erased)));
        Assert.True(queue.TryEnqueue(TestEvents.PageView(Kept)));
        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);

        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(3, recorder["store.failures"]);
        Assert.Single(await services.GetRequiredService<IEventStore>().GetByVisitorAsync(Kept));
        Assert.Equal(1, (await services.GetRequiredService<IProfileStore>().GetAsync(Kept))?.PageViews);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SignIn_TwoDevices_SameProfileAndRowsRekeyed(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        var identity = services.GetRequiredService<VisitorIdentityService>();
        var profiles = services.GetRequiredService<IProfileStore>();

        // Device A browses anonymously and signs in: its profile becomes the member's.
        await SeedAsync(services, "device-a", events: 2);
        Assert.Equal(new SignInResult("device-a", SignInOutcome.Claimed), await identity.SignInAsync("device-a", "member-1", "unused"));

        // Device B browses anonymously and signs in: merged into the member's profile, browser switches ids.
        await SeedAsync(services, "device-b", events: 3);
        var b = await identity.SignInAsync("device-b", "member-1", "unused");
        Assert.Equal(new SignInResult("device-a", SignInOutcome.Merged), b);

        // Repeated sign-in on device B (cookie now carries the member's id) changes nothing.
        Assert.Equal(SignInOutcome.AlreadyMember, (await identity.SignInAsync("device-a", "member-1", "unused")).Outcome);

        var member = (await profiles.GetAsync("device-a"))!;
        Assert.Equal(5, member.PageViews);
        Assert.Equal(["device-b"], member.MergedVisitorIds);
        Assert.Null(await profiles.GetAsync("device-b"));
        Assert.Equal(5, (await services.GetRequiredService<IEventStore>().GetByVisitorAsync("device-a")).Count);
        Assert.Empty(await services.GetRequiredService<IEventStore>().GetByVisitorAsync("device-b"));
        var assignment = Assert.Single(await services.GetRequiredService<IAssignmentStore>().GetByVisitorAsync("device-a"));
        Assert.Equal(0, assignment.Arm); // device A's (the member's) arm wins
        Assert.Empty(await services.GetRequiredService<IAssignmentStore>().GetByVisitorAsync("device-b"));
        Assert.Equal("device-a", (await services.GetRequiredService<IVisitorIdentityStore>().FindByMemberKeyAsync("member-1"))!.VisitorId);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EraseMember_RemovesEveryDeviceAndMergedId(PersistenceProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var services = await database.MigratedServicesAsync();
        await SeedAsync(services, "phone", memberKey: "member-9");
        await SeedAsync(services, "laptop", memberKey: "member-9");
        await SeedAsync(services, Kept);

        var result = await services.GetRequiredService<IVisitorDataService>().EraseAsync(VisitorDataSubject.ForMember("member-9"), "editor@example.com");

        Assert.Equal(2, result.Profiles);
        Assert.Equal(6, result.Events);
        var factory = services.GetRequiredService<IDbContextFactory<PersonalizationDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        Assert.Empty(await TableScanner.FindAsync(db, "member-9"));
        Assert.Empty(await TableScanner.FindAsync(db, "phone"));
        Assert.Empty(await TableScanner.FindAsync(db, "laptop"));
    }

    private sealed class AnnouncedSaves : IProfileSaveListener
    {
        public List<string> VisitorIds { get; } = [];

        public ValueTask OnProfilesSavedAsync(IReadOnlyList<VisitorProfile> saved, CancellationToken cancellationToken)
        {
            lock (VisitorIds)
            {
                VisitorIds.AddRange(saved.Select(p => p.VisitorId));
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Applies events as <see cref="CountingApplier"/> does; applying one of <c>erased</c>'s events (inside the batch's
    /// transaction) is when that visitor's erasure arrives. Its own deletes are left out: they would find no rows yet.
    /// </summary>
    private sealed class ErasingApplier(RecentErasures erasures, string erased) : IProfileEventApplier
    {
        private readonly CountingApplier _counting = new();

        public void Apply(VisitorProfile profile, VisitorEvent visitorEvent)
        {
            if (visitorEvent.VisitorId == erased)
            {
                erasures.Add(erased);
            }

            _counting.Apply(profile, visitorEvent);
        }
    }
}
