using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Ingestion;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>Storage doubles registered in the test host (stand-ins for the persistence package).</summary>
public static class TestDoubles
{
    /// <summary>
    /// The real persistence (SQLite in the temp content root) stays; the event queue is wrapped so tests can see
    /// what the middleware queued.
    /// </summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<RecordingEventQueue>(sp => new RecordingEventQueue(sp.GetRequiredService<ChannelEventQueue>()));
        services.AddSingleton<IEventQueue>(sp => sp.GetRequiredService<RecordingEventQueue>());
    }
}

/// <summary>Records every event and forwards it to the real queue.</summary>
public sealed class RecordingEventQueue(IEventQueue inner) : IEventQueue
{
    public ConcurrentQueue<VisitorEvent> Events { get; } = new();

    public bool TryEnqueue(VisitorEvent visitorEvent)
    {
        Events.Enqueue(visitorEvent);
        return inner.TryEnqueue(visitorEvent);
    }
}

/// <summary>A profile store whose every call fails (injected to prove a dead database never breaks a page).</summary>
public sealed class ThrowingProfileStore : IProfileStore
{
    public Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("database is down");

    public Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("database is down");

    public Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("database is down");
}

/// <summary>A profile store whose every read waits until it is cancelled (a database that hangs).</summary>
public sealed class NeverAnsweringProfileStore : IProfileStore
{
    private int _reads;

    /// <summary>How many reads were started (each is given up on by its caller).</summary>
    public int Reads => Volatile.Read(ref _reads);

    public async Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return null;
    }

    public Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default) =>
        Task.FromResult(false);

    public Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default) => Task.FromResult(false);
}

/// <summary>A personalizer whose every call fails (injected to prove a failure renders the default).</summary>
public sealed class ThrowingPersonalizer : IPersonalizer
{
    public Decision Decide(string placement, VisitorContext context) => throw new InvalidOperationException("boom");

    public bool IsInSegment(string segmentAlias, VisitorContext context) => throw new InvalidOperationException("boom");
}

/// <summary>The definitions every test site starts with.</summary>
public static class TestDefinitions
{
    public const string SpringSegment = "campaign-spring";

    public static async Task SeedAsync(IDefinitionStore store)
    {
        var set = Create();
        foreach (var segment in set.Segments)
        {
            await store.SaveSegmentAsync(segment);
        }

        foreach (var experience in set.Experiences)
        {
            await store.SaveExperienceAsync(experience);
        }
    }

    public static DefinitionSet Create() => new(
        [
            new SegmentDefinition(SpringSegment, "Spring campaign", """{"utm.campaign":"spring"}"""),
            new SegmentDefinition("identified-visitors", "Identified", """{"identified":true}"""),
        ],
        [
            new ExperienceDefinition(
                "home-hero",
                "Home hero",
                [
                    new VariantDefinition("default", "Default", VariantKind.Html, "<h2 class=\"hero-title\">Welcome</h2><p>Our shop.</p>"),
                    new VariantDefinition(
                        "spring",
                        "Spring",
                        VariantKind.Html,
                        "<h2 class=\"hero-title\">Spring sale</h2><form action=\"https://evil.example/\"><input name=\"card\"></form>"
                        + "<a class=\"proto\" href=\"//evil.example/x\">x</a><a class=\"local\" href=\"/spring\">Spring</a><script>alert(1)</script>"),
                ],
                [new ExperienceRule("spring", SegmentAlias: SpringSegment)],
                "default"),
            new ExperienceDefinition(
                "home-cta",
                "Home CTA",
                [
                    new VariantDefinition("default", "Default", VariantKind.CallToAction, "Browse our bikes",
                        Properties: new Dictionary<string, string> { ["label"] = "Shop now", ["url"] = "/shop" }),
                    new VariantDefinition("spring", "Spring", VariantKind.CallToAction, "Spring deals <b>inside</b>",
                        Properties: new Dictionary<string, string> { ["label"] = "See spring deals", ["url"] = "javascript:alert(1)" }),
                ],
                [new ExperienceRule("spring", SegmentAlias: SpringSegment)],
                "default"),
        ],
        Version: 1);
}
