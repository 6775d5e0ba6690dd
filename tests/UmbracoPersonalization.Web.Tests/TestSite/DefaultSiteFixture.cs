using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>One default test site shared by a test class (visitors are kept apart by their own cookie clients).</summary>
public sealed class DefaultSiteFixture : IAsyncLifetime
{
    public TestSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await TestSite.StartAsync();

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

public static class HttpAssertions
{
    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return new HtmlParser().ParseDocument(body);
    }

    public static async Task<ProbeResult?> ReadProbeAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<ProbeResult?>(body);
    }

    public static IReadOnlyList<string> SetCookies(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value)));
}
