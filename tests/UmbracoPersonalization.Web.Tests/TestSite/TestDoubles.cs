using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>Storage doubles registered in the test host (stand-ins for the persistence package).</summary>
public static class TestDoubles
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<InMemoryDefinitionStore>();
        services.AddSingleton<IDefinitionStore>(sp => sp.GetRequiredService<InMemoryDefinitionStore>());
        services.AddSingleton<RecordingEventQueue>();
        services.AddSingleton<IEventQueue>(sp => sp.GetRequiredService<RecordingEventQueue>());
        services.AddSingleton<InMemoryProfileStore>();
        services.AddSingleton<IProfileStore>(sp => sp.GetRequiredService<InMemoryProfileStore>());
        services.AddSingleton<IPersonalizer, StandInPersonalizer>();
    }
}

public sealed class RecordingEventQueue : IEventQueue
{
    public ConcurrentQueue<VisitorEvent> Events { get; } = new();

    public bool TryEnqueue(VisitorEvent visitorEvent)
    {
        Events.Enqueue(visitorEvent);
        return true;
    }
}

public sealed class InMemoryProfileStore : IProfileStore
{
    public ConcurrentDictionary<string, VisitorProfile> Profiles { get; } = new();

    public ConcurrentQueue<string> Reads { get; } = new();

    public Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        Reads.Enqueue(visitorId);
        return Task.FromResult(Profiles.TryGetValue(visitorId, out var p) ? p.Clone() : null);
    }

    public Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default)
    {
        profile.Version = expectedVersion + 1;
        Profiles[profile.VisitorId] = profile.Clone();
        return Task.FromResult(true);
    }

    public Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Profiles.TryRemove(visitorId, out _));
}

public sealed class InMemoryDefinitionStore : IDefinitionStore
{
    private readonly object _lock = new();
    private DefinitionSet _set = TestDefinitions.Create();

    public Task<DefinitionSet> LoadAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_set);
        }
    }

    public Task SaveSegmentAsync(SegmentDefinition segment, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _set = _set with { Segments = [.. _set.Segments.Where(s => s.Alias != segment.Alias), segment], Version = _set.Version + 1 };
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteSegmentAsync(string alias, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task SaveExperienceAsync(ExperienceDefinition experience, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _set = _set with { Experiences = [.. _set.Experiences.Where(e => e.Placement != experience.Placement), experience], Version = _set.Version + 1 };
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteExperienceAsync(string placement, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

/// <summary>The definitions every test site starts with.</summary>
public static class TestDefinitions
{
    public const string SpringSegment = "campaign-spring";

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
                    new VariantDefinition("default", "Default", VariantKind.Html, "<h2 id=\"hero-title\">Welcome</h2><p>Our shop.</p>"),
                    new VariantDefinition(
                        "spring",
                        "Spring",
                        VariantKind.Html,
                        "<h2 id=\"hero-title\">Spring sale</h2><form action=\"https://evil.example/\"><input name=\"card\"></form>"
                        + "<a id=\"proto\" href=\"//evil.example/x\">x</a><a id=\"local\" href=\"/spring\">Spring</a><script>alert(1)</script>"),
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
