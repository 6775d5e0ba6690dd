using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Serialization;

namespace UmbracoPersonalization.Benchmarks;

/// <summary>
/// <c>--profile-memory</c>: the memory a profile holds once loaded (what a profile cache would keep per visitor).
/// Builds a typical profile (the benchmark profile after 20 page views over 100 segments), loads 20,000 copies from
/// its stored JSON, and divides the growth of the live heap (after full collections) by the count.
/// </summary>
internal static class ProfileMemoryRun
{
    private const int Count = 20_000;

    /// <summary>Measures and prints bytes per loaded profile.</summary>
    /// <returns>0.</returns>
    public static int Run()
    {
        var holder = new DefinitionSnapshotHolder();
        holder.Update(BenchmarkData.Definitions());
        var updater = new ProfileUpdater(new ProfileBuilder(new ProfileOptions()), holder, [], NullLogger<ProfileUpdater>.Instance);
        var profile = BenchmarkData.Profile();
        for (var i = 0; i < 20; i++)
        {
            updater.Apply(profile, new VisitorEvent
            {
                Id = Guid.NewGuid(),
                VisitorId = profile.VisitorId,
                Type = VisitorEventType.PageView,
                Timestamp = BenchmarkData.Now.AddMinutes(i),
                Url = $"/shop/category-{i % 5}/item-{i}",
                Device = DeviceClass.Desktop,
                Country = "NL",
                Categories = [$"category-{i % 5}"],
                Tags = ["spring"],
            });
        }

        var json = ProfileSerializer.Serialize(profile);
        var held = new VisitorProfile[Count];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < held.Length; i++)
        {
            // A distinct id string per profile, as real visitors have.
            held[i] = ProfileSerializer.Deserialize(string.Create(CultureInfo.InvariantCulture, $"visitor-{i:0000000000}"), 1, json);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"profile-memory: {(after - before) / (double)Count:#,0} bytes per loaded profile ({profile.CategoryInterests.Count} interests, " +
            $"{profile.Segments.Count} segment memberships; stored JSON {json.Length:#,0} chars)"));
        return 0;
    }
}
