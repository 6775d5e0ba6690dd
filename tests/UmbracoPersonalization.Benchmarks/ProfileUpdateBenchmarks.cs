using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>Applying one page view to a profile and re-evaluating 100 segments.</summary>
[MemoryDiagnoser]
public class ProfileUpdateBenchmarks
{
    private ProfileUpdater _updater = null!;
    private VisitorProfile _profile = null!;
    private VisitorEvent _event = null!;

    /// <summary>Compiles the definitions and prepares a profile and an event.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var holder = new DefinitionSnapshotHolder();
        holder.Update(BenchmarkData.Definitions());
        _updater = new ProfileUpdater(new ProfileBuilder(new ProfileOptions()), holder, [], NullLogger<ProfileUpdater>.Instance);
        _profile = BenchmarkData.Profile();
        _event = new VisitorEvent
        {
            Id = Guid.NewGuid(),
            VisitorId = _profile.VisitorId,
            Type = VisitorEventType.PageView,
            Timestamp = BenchmarkData.Now,
            Url = "/blog/spring",
            Device = DeviceClass.Desktop,
            Country = "NL",
            Categories = ["category-1", "category-2"],
            Tags = ["spring"],
        };
    }

    /// <summary>One page view.</summary>
    /// <returns>The segments entered and left.</returns>
    [Benchmark]
    public ProfileUpdateResult ApplyPageView() => _updater.Apply(_profile, _event);
}
