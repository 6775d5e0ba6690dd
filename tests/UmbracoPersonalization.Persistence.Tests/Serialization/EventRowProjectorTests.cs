using UmbracoPersonalization.Core.Events;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Serialization;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Serialization;

/// <summary>A batch's rows share the data JSON of the event before when the data is the same, and only then.</summary>
public sealed class EventRowProjectorTests
{
    public static TheoryData<string> Changes => new()
    {
        "referrer", "utm", "device", "language", "country", "categories", "tags", "properties",
    };

    [Fact]
    public void EventsWithTheSameData_ShareOneJson_AsTheSerializerWritesIt()
    {
        var projector = new EventRowProjector();
        var first = Event("v1");
        var second = Event("v2") with { Categories = ["bikes", "gravel"], Url = "/other/" }; // equal values, new list

        var a = projector.ToRow(first);
        var b = projector.ToRow(second);

        Assert.Equal(EventDataSerializer.Data(second), b.Data);
        Assert.Same(a.Data, b.Data);
        Assert.Equal("v2", b.VisitorId);
        Assert.Equal("/other/", b.Url);
        Assert.Equal(second.Id, b.Id);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void AnEventWhoseDataDiffers_GetsItsOwnJson(string change)
    {
        var projector = new EventRowProjector();
        var first = Event("v1");
        var changed = change switch
        {
            "referrer" => first with { Referrer = "https://news.example/" },
            "utm" => first with { Utm = new UtmParameters(Campaign: "autumn") },
            "device" => first with { Device = DeviceClass.Mobile },
            "language" => first with { Language = "nl" },
            "country" => first with { Country = "NL" },
            "categories" => first with { Categories = ["bikes"] },
            "tags" => first with { Tags = ["city"] },
            _ => first with { Properties = new Dictionary<string, string> { ["variant"] = "b" } },
        };

        var a = projector.ToRow(first);
        var b = projector.ToRow(changed);

        Assert.NotEqual(a.Data, b.Data);
        Assert.Equal(EventDataSerializer.Data(changed), b.Data);
    }

    [Fact]
    public void EmptyCampaignParameters_AreTheSameDataAsNone()
    {
        var projector = new EventRowProjector();

        var a = projector.ToRow(Event("v1") with { Utm = null });
        var b = projector.ToRow(Event("v1") with { Utm = UtmParameters.None });

        Assert.Same(a.Data, b.Data);
    }

    private static VisitorEvent Event(string visitorId) => TestEvents.PageView(visitorId) with
    {
        Referrer = "https://search.example/",
        Utm = new UtmParameters("news", Campaign: "spring"),
        Device = DeviceClass.Desktop,
        Language = "en",
        Country = "GB",
        Categories = ["bikes", "gravel"],
        Tags = ["touring"],
    };
}
