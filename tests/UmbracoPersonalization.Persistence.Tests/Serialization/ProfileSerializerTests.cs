using System.Text.Json;
using UmbracoPersonalization.Persistence.Serialization;
using UmbracoPersonalization.Persistence.Tests.Stores;

namespace UmbracoPersonalization.Persistence.Tests.Serialization;

public sealed class ProfileSerializerTests
{
    [Fact]
    public void Serialize_ThenDeserialize_KeepsEveryField()
    {
        var profile = EfProfileStoreTests.FullProfile("v1");
        profile.Version = 9;
        profile.RecentPages.AddRange(["/shoes/", "/shoes/trail/"]);
        profile.CustomEvents["Quiz"] = 3;
        profile.VisitSegments.Add("runners");
        profile.Topics.Add("Trail");
        profile.SuppressedInterests.Add("golf");
        profile.PersonalizationPaused = true;
        profile.MergedVisitorIds.Add("anon-1");

        var copy = ProfileSerializer.Deserialize("v1", 9, ProfileSerializer.Serialize(profile));

        EfProfileStoreTests.AssertSameProfile(profile, copy);
        Assert.Equal(profile.RecentPages, copy.RecentPages);
        Assert.Equal(3, copy.CustomEvents["quiz"]);
        Assert.Contains("RUNNERS", copy.VisitSegments);
        Assert.Contains("trail", copy.Topics);
        Assert.Contains("GOLF", copy.SuppressedInterests);
        Assert.True(copy.PersonalizationPaused);
        Assert.Equal(["anon-1"], copy.MergedVisitorIds);
    }

    [Fact]
    public void Serialize_WritesTheFormatVersionAndLeavesIdAndVersionToColumns()
    {
        var json = ProfileSerializer.Serialize(new Core.Visitors.VisitorProfile { VisitorId = "secret-id", Version = 4 });

        using var document = JsonDocument.Parse(json);
        Assert.Equal(ProfileSerializer.CurrentFormatVersion, document.RootElement.GetProperty("formatVersion").GetInt32());
        Assert.DoesNotContain("secret-id", json, StringComparison.Ordinal);
        Assert.False(document.RootElement.TryGetProperty("version", out _));
    }

    [Fact]
    public void Deserialize_AFormat1DocumentAsStored_ReadsIt()
    {
        // Pinned: a document as format 1 writes it. If this breaks, stored profiles no longer load.
        const string stored = """
            {"formatVersion":1,"memberKey":"m1","firstSeen":"2026-01-02T03:04:05+02:00","lastSeen":"2026-02-03T04:05:06+00:00",
             "visits":3,"pageViews":12,"visitPageViews":2,"lastReferrer":"https://r.example/","firstUtm":{"source":"news"},
             "device":"Mobile","language":"en-GB","country":"GB","categoryInterests":{"Shoes":{"score":1.5,"updatedAt":"2026-02-03T04:05:06+00:00"}},
             "goals":{"signup":{"count":1,"firstReachedAt":"2026-02-03T04:05:06+00:00","lastReachedAt":"2026-02-03T04:05:06+00:00"}},
             "preferences":{"topic":"running"},"stage":"Engaged","segments":["new-runners"],"someFutureField":true}
            """;

        var profile = ProfileSerializer.Deserialize("v1", 3, stored);

        Assert.Equal("m1", profile.MemberKey);
        Assert.Equal(3, profile.Visits);
        Assert.Equal(12, profile.PageViews);
        Assert.Equal("news", profile.FirstUtm!.Source);
        Assert.Equal(Core.Visitors.DeviceClass.Mobile, profile.Device);
        Assert.Equal(1.5, profile.CategoryInterests["shoes"].Score);
        Assert.Equal(1, profile.Goals["signup"].Count);
        Assert.Equal("running", profile.Preferences["topic"]);
        Assert.Equal(Core.Visitors.LifecycleStage.Engaged, profile.Stage);
        Assert.Contains("new-runners", profile.Segments);
    }

    [Fact]
    public void Serialize_WritesTheCampaignParametersOnly_AndStillReadsDocumentsThatCarryIsEmpty()
    {
        var profile = new Core.Visitors.VisitorProfile { VisitorId = "v1", Version = 1, FirstUtm = new("news", Campaign: "spring") };

        var json = ProfileSerializer.Serialize(profile);

        using (var document = JsonDocument.Parse(json))
        {
            var utm = document.RootElement.GetProperty("firstUtm");
            Assert.Equal(["source", "campaign"], utm.EnumerateObject().Select(p => p.Name));
        }

        // Documents stored before IsEmpty was left out carry it; it is derived, so reading ignores it.
        var older = ProfileSerializer.Deserialize("v1", 1, """{"formatVersion":1,"firstUtm":{"campaign":"spring","isEmpty":false}}""");
        Assert.Equal(new Core.Visitors.UtmParameters(Campaign: "spring"), older.FirstUtm);
    }

    [Theory]
    [InlineData("""{"formatVersion":2}""")]
    [InlineData("""{"pageViews":1}""")]
    [InlineData("null")]
    public void Deserialize_UnsupportedDocument_Throws(string json)
    {
        Assert.Throws<JsonException>(() => ProfileSerializer.Deserialize("v1", 1, json));
    }
}
