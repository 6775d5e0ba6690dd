using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using UmbracoPersonalization.Core.Consent;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Core.Visitors;

namespace UmbracoPersonalization.Core.Tests.Segments;

/// <summary>
/// <see cref="ProfileUpdater.Apply"/> keeps its membership bookkeeping cheap (stored memberships marked in one pass,
/// the stored set rewritten only when it differs). These tests compare it, event by event, with the plain rule it must
/// equal: evaluate every segment, entered/left against the stored set, stored set = the segments matched, visit
/// segments += the segments matched; over random definitions (changed mid-stream), events and stored sets that name
/// undefined segments, spell aliases differently or use another comparer.
/// </summary>
public class ProfileUpdaterEquivalenceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 15, 9, 15, 0, TimeSpan.FromHours(2));
    private static readonly ConsentState Stored = new(ConsentPurposes.Necessary | ConsentPurposes.Analytics | ConsentPurposes.Personalization);
    private static readonly string[] Categories = ["bikes", "running", "camping"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Apply_OverRandomEventsAndDefinitions_EqualsEvaluatingEverySegmentAndRebuildingTheSets(int seed)
    {
        var random = new Random(seed);
        var options = new ProfileOptions();
        var holder = new DefinitionSnapshotHolder();
        holder.Update(RandomDefinitions(random, version: 1));
        var updater = new ProfileUpdater(new ProfileBuilder(options), holder, [], NullLogger<ProfileUpdater>.Instance);
        var referenceBuilder = new ProfileBuilder(options);
        var ordinalSet = random.Next(5) == 0;
        var actual = NewProfile(ordinalSet);
        var expected = NewProfile(ordinalSet);
        var at = T0;

        for (var step = 0; step < 150; step++)
        {
            if (random.Next(40) == 0)
            {
                holder.Update(RandomDefinitions(random, version: step + 2));
            }

            if (random.Next(10) == 0)
            {
                var stray = StrayAlias(random, holder.Current);
                actual.Segments.Add(stray);
                expected.Segments.Add(stray);
            }

            at = at.AddMinutes(random.Next(4) == 0 ? random.Next(20, 60 * 24 * 40) : random.Next(0, 10));
            var visitorEvent = RandomEvent(random, at);

            var result = updater.Apply(actual, visitorEvent);
            var (applied, entered, left) = ApplyByTheRule(referenceBuilder, options, holder.Current, expected, visitorEvent);

            var where = $"seed {seed}, step {step}";
            Assert.True(applied == result.Applied, where);
            Assert.True(entered.SequenceEqual(result.Entered), $"{where}: entered [{string.Join(", ", result.Entered)}], expected [{string.Join(", ", entered)}]");
            Assert.True(left.SequenceEqual(result.Left), $"{where}: left [{string.Join(", ", result.Left)}], expected [{string.Join(", ", left)}]");
            Assert.True(Sorted(expected.Segments).SequenceEqual(Sorted(actual.Segments)), $"{where}: segments [{string.Join(", ", Sorted(actual.Segments))}], expected [{string.Join(", ", Sorted(expected.Segments))}]");
            Assert.True(Sorted(expected.VisitSegments).SequenceEqual(Sorted(actual.VisitSegments)), $"{where}: visit segments differ");
        }
    }

    /// <summary>The rule, written out plainly: every segment evaluated, both sets rebuilt from the result.</summary>
    private static (bool Applied, List<string> Entered, List<string> Left) ApplyByTheRule(
        ProfileBuilder builder, ProfileOptions options, DefinitionSnapshot snapshot, VisitorProfile profile, VisitorEvent e)
    {
        if (!builder.Apply(profile, e))
        {
            return (false, [], []);
        }

        var request = new RequestContext
        {
            Url = e.Url!,
            Path = e.Url!,
            Referrer = e.Referrer,
            Utm = e.Utm ?? UtmParameters.None,
            Device = e.Device,
            Language = e.Language,
            Country = e.Country,
            Timestamp = e.Timestamp,
            Categories = e.Categories,
            Tags = e.Tags,
        };
        var attributes = VisitorAttributes.Create(new VisitorContext(profile, request, Stored) { IsIdentified = true }, options);
        var members = snapshot.Segments.Where(s => s.IsMatch(attributes)).Select(s => s.Alias).ToList();
        var entered = members.Where(a => !profile.Segments.Contains(a)).ToList();
        var left = snapshot.Segments.Select(s => s.Alias).Where(a => profile.Segments.Contains(a) && !members.Contains(a)).ToList();
        profile.Segments.Clear();
        profile.Segments.UnionWith(members);
        profile.VisitSegments.UnionWith(members);
        return (true, entered, left);
    }

    private static VisitorProfile NewProfile(bool ordinalSet)
    {
        // Profiles built elsewhere may carry a set with another comparer; the updater must not assume its own.
        var profile = ordinalSet
            ? new VisitorProfile { VisitorId = "v1", Segments = new HashSet<string>(StringComparer.Ordinal) }
            : VisitorProfile.CreateNew("v1");
        profile.Segments.Add("seg-0");
        return profile;
    }

    private static string StrayAlias(Random random, DefinitionSnapshot snapshot)
    {
        var defined = snapshot.Segments;
        return random.Next(3) switch
        {
            0 when defined.Count > 0 => defined[random.Next(defined.Count)].Alias.ToUpperInvariant(),
            1 when defined.Count > 0 => defined[random.Next(defined.Count)].Alias,
            _ => "gone-" + random.Next(5).ToString(CultureInfo.InvariantCulture),
        };
    }

    private static DefinitionSet RandomDefinitions(Random random, int version)
    {
        var count = random.Next(1, 40);
        var aliases = Enumerable.Range(0, count).Select(i => "seg-" + (i + random.Next(3)).ToString(CultureInfo.InvariantCulture)).Distinct().ToList();
        var segments = aliases.Select(alias => new SegmentDefinition(
            alias,
            alias,
            RandomCondition(random, aliases, depth: 0))).ToArray();
        return new DefinitionSet(segments, [], version);
    }

    private static string RandomCondition(Random random, List<string> aliases, int depth)
    {
        if (depth < 2 && random.Next(4) == 0)
        {
            var op = random.Next(3) switch { 0 => "$and", 1 => "$or", _ => "$nor" };
            var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomCondition(random, aliases, depth + 1));
            return "{\"" + op + "\": [" + string.Join(", ", parts) + "]}";
        }

        var n = random.Next(1, 6).ToString(CultureInfo.InvariantCulture);
        var alias = aliases[random.Next(aliases.Count)];
        var category = Categories[random.Next(Categories.Length)];
        return random.Next(14) switch
        {
            0 => Field("visits", "{\"$gte\": " + n + "}"),
            1 => Field("pageViews", "{\"$gt\": " + n + "}"),
            2 => Field("visitPageViews", "{\"$lte\": " + n + "}"),
            3 => Field("stage", "{\"$in\": [\"engaged\", \"loyal\"]}"),
            4 => Field("daysSinceLastSeen", "{\"$gte\": " + n + "}"),
            5 => Field("interests." + category, "{\"$gt\": " + n + "}"),
            6 => Field("topInterest", "\"" + category + "\""),
            7 => Field("device", "\"mobile\""),
            8 => Field("path", "{\"$regex\": \"^/" + category + "\"}"),
            9 => Field("segments", "{\"$elemMatch\": {\"$eq\": \"" + alias + "\"}}"),
            10 => Field("visitSegments", "{\"$elemMatch\": {\"$eq\": \"" + alias + "\"}}"),
            11 => Field("page.categories", "{\"$elemMatch\": {\"$eq\": \"" + category + "\"}}"),
            12 => Field("goals.signup", "{\"$gte\": 1}"),
            _ => Field("hour", "{\"$lt\": " + random.Next(24).ToString(CultureInfo.InvariantCulture) + "}"),
        };
    }

    private static string Field(string path, string test) => "{\"" + path + "\": " + test + "}";

    private static VisitorEvent RandomEvent(Random random, DateTimeOffset at)
    {
        var category = Categories[random.Next(Categories.Length)];
        return new VisitorEvent
        {
            Id = Guid.NewGuid(),
            VisitorId = "v1",
            Type = random.Next(8) switch { 0 => VisitorEventType.Goal, 1 => VisitorEventType.Click, _ => VisitorEventType.PageView },
            Name = "signup",
            Timestamp = at,
            Url = "/" + category + "/" + random.Next(3).ToString(CultureInfo.InvariantCulture),
            Device = random.Next(12) switch { 0 => DeviceClass.Bot, 1 or 2 => DeviceClass.Mobile, _ => DeviceClass.Desktop },
            Country = "NL",
            Categories = random.Next(3) == 0 ? [] : [category],
        };
    }

    private static List<string> Sorted(HashSet<string> set) => [.. set.Order(StringComparer.Ordinal)];
}
