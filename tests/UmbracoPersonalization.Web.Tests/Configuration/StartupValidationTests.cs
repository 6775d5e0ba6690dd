using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Tests.Configuration;

/// <summary>A wrong value stops start-up, with a message naming the full key.</summary>
public sealed class StartupValidationTests
{
    private static async Task<Exception> StartFailsAsync(string key, string value)
    {
        var folder = TestSite.TestSite.CreateTempFolder();
        var app = TestSite.TestSite.Build(new Dictionary<string, string?> { [key] = value }, null, "Production", folder);
        try
        {
            return await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Start_UnknownTimeZone_StopsWithTheKey()
    {
        var ex = Assert.IsType<OptionsValidationException>(await StartFailsAsync("Umbraco:Personalization:SiteTimeZone", "Mars/Base"));
        Assert.Contains("Umbraco:Personalization:SiteTimeZone: 'Mars/Base' is not a known time zone", ex.Message);
    }

    [Fact]
    public async Task Start_InvalidCookieName_StopsWithTheKey()
    {
        var ex = Assert.IsType<OptionsValidationException>(await StartFailsAsync("Umbraco:Personalization:ConsentCookieName", "bad name;"));
        Assert.Contains("Umbraco:Personalization:ConsentCookieName:", ex.Message);
    }

    [Fact]
    public async Task Start_UnparsableDuration_StopsWithTheKey()
    {
        var ex = await StartFailsAsync("Umbraco:Personalization:SessionTimeout", "half an hour");
        Assert.Contains("Umbraco:Personalization:SessionTimeout", ex.ToString());
    }

    [Fact]
    public void PreviewEnabled_DefaultsToDevelopmentOnly()
    {
        static bool Preview(string environment)
        {
            var app = TestSite.TestSite.Build(null, null, environment, TestSite.TestSite.CreateTempFolder());
            var value = app.Services.GetRequiredService<IOptions<PersonalizationSettings>>().Value.PreviewEnabled;
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return value;
        }

        Assert.True(Preview("Development"));
        Assert.False(Preview("Production"));
    }
}
