using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.Visitors;

public sealed class UserAgentClassifierTests
{
    private readonly UserAgentClassifier _classifier = new(["MyMonitor"]);

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/140.0 Safari/537.36", DeviceClass.Desktop)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148", DeviceClass.Mobile)]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile Safari/537.36", DeviceClass.Mobile)]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X)", DeviceClass.Tablet)]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-X910) Safari/537.36", DeviceClass.Tablet)]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0)", DeviceClass.Bot)]
    [InlineData("facebookexternalhit/1.1", DeviceClass.Bot)]
    [InlineData("Mozilla/5.0 HeadlessChrome/140.0", DeviceClass.Bot)]
    [InlineData("python-requests/2.32", DeviceClass.Bot)]
    [InlineData("Mozilla/5.0 mymonitor/1.0", DeviceClass.Bot)]
    [InlineData("", DeviceClass.Bot)]
    [InlineData(null, DeviceClass.Bot)]
    [InlineData("SomethingElse/1.0", DeviceClass.Unknown)]
    public void Classify_ReturnsTheDeviceClass(string? userAgent, DeviceClass expected) =>
        Assert.Equal(expected, _classifier.Classify(userAgent));
}
