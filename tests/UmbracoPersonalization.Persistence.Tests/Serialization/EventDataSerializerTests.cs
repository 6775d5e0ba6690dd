using System.Text.Json;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Serialization;
using UmbracoPersonalization.Persistence.Tests.Infrastructure;

namespace UmbracoPersonalization.Persistence.Tests.Serialization;

public sealed class EventDataSerializerTests
{
    [Fact]
    public void ToRow_WritesTheCampaignParametersSet_AndNothingDerived()
    {
        var row = EventDataSerializer.ToRow(TestEvents.PageView("v1") with { Utm = new UtmParameters("news", Campaign: "spring") });

        using var document = JsonDocument.Parse(row.Data);
        Assert.Equal(["source", "campaign"], document.RootElement.GetProperty("utm").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void FromRow_ADocumentThatCarriesIsEmpty_ReadsTheParameters()
    {
        // Rows written before the derived IsEmpty was left out of the JSON carry it.
        var row = EventDataSerializer.ToRow(TestEvents.PageView("v1"));
        row.Data = """{"formatVersion":1,"utm":{"campaign":"spring1","isEmpty":false},"device":"Desktop"}""";

        var read = EventDataSerializer.FromRow(row);

        Assert.Equal(new UtmParameters(Campaign: "spring1"), read.Utm);
        Assert.Equal(DeviceClass.Desktop, read.Device);
    }
}
