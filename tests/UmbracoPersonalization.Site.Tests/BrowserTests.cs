using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UmbracoPersonalization.Site.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UmbracoPersonalization.Site.Tests;

/// <summary>The site in a real browser (Debian's chromium, no browser download), served by Kestrel on 127.0.0.1.</summary>
public sealed class BrowserTests(ITestOutputHelper output)
{
    private static readonly string Chromium =
        Environment.GetEnvironmentVariable("UP_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [SkippableFact]
    public async Task Home_AcceptAll_HidesTheBanner_ThenAPickedTopicChangesTheHero()
    {
        Skip.IfNot(File.Exists(Chromium), $"No Chromium at {Chromium}: install Debian's chromium or set UP_TEST_CHROMIUM.");

        using var data = new TempFolder();
        await using var site = new SiteFactory(data.Path);
        site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        site.StartServer();
        var baseUrl = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        // Headless Chromium says "HeadlessChrome", which the package treats as a bot (never identified or profiled).
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, UserAgent = Visitor.BrowserUserAgent });

        await page.GotoAsync(baseUrl + "/");
        var banner = page.GetByRole(AriaRole.Region, new() { Name = "Your privacy choices" });
        var hero = page.Locator("[data-placement='home-hero'] h1");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(hero).ToBeVisibleAsync();
        await Screenshot(page, "home-before-consent");

        await banner.GetByRole(AriaRole.Button, new() { Name = "Accept all" }).ClickAsync();

        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await Assertions.Expect(hero).ToBeVisibleAsync();
        Assert.EndsWith("/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        await Screenshot(page, "home-after-consent");

        // The privacy settings page: pick a topic in the package's preference centre, and the home hero follows.
        await page.GotoAsync(baseUrl + "/privacy-settings");
        var centre = page.GetByRole(AriaRole.Region, new() { Name = "Your personalization" });
        await Assertions.Expect(centre).ToBeVisibleAsync();
        await centre.GetByLabel("Add a topic").SelectOptionAsync("camping");
        await centre.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(centre.GetByRole(AriaRole.Button, new() { Name = "Remove the topic camping" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download my data" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Erase my data" })).ToBeVisibleAsync();
        await Screenshot(page, "privacy-settings");

        await page.GotoAsync(baseUrl + "/");
        await Assertions.Expect(hero).ToHaveTextAsync("Sleep under the stars");
        await page.GetByRole(AriaRole.Link, new() { Name = "Why am I seeing this? Your personalization" }).ClickAsync();
        await Assertions.Expect(page.Locator(".why-panel dd[data-up-placement='home-hero']")).ToHaveTextAsync("Shown because you are in the group \"Camping fans\".");
        await Screenshot(page, "home-why");
    }

    private async Task Screenshot(IPage page, string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "up-site-screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        output.WriteLine($"Screenshot: {file}");
    }
}
