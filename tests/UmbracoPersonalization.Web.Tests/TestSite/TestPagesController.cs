using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Web.Definitions;
using UmbracoPersonalization.Web.Visitors;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>Pages of the test site.</summary>
public sealed class TestPagesController(IVisitorContextAccessor accessor) : Controller
{
    [HttpGet("/")]
    public IActionResult Home() => View();

    [HttpGet("/liquid-cta")]
    public async Task<IActionResult> LiquidCta([FromServices] IDefinitionStore store, [FromServices] IDefinitionRefresher refresher)
    {
        await store.SaveExperienceAsync(new ExperienceDefinition(
            "home-cta",
            "Home CTA",
            [new VariantDefinition("liquid", "Liquid", VariantKind.CallToAction,
                "{{ context.greeting }}, you have visited {{ visitor.visits }} time<script>",
                IsTemplate: true,
                Properties: new Dictionary<string, string> { ["label"] = "Go", ["url"] = "/go" })],
            [],
            "liquid"));
        await refresher.RefreshAsync();
        var result = View("Home");
        await TestDefinitions.SeedAsync(store); // put the shared site back for later tests
        return result;
    }

    [HttpGet("/preferences")]
    public IActionResult Preferences() => View();

    [HttpGet("/preferences-on-demand")]
    [HttpGet("/journal/preferences-on-demand")]
    public IActionResult PreferencesOnDemand() => View("PreferencesOnDemand");

    [HttpGet("/plain")]
    public IActionResult Plain() => Content("<!doctype html><p>plain</p>", "text/html");

    [HttpGet("/data.json")]
    public IActionResult Data() => Json(new { ok = true });

    [HttpGet("/site.css")]
    public IActionResult Css() => Content(Probe(), "text/css");

    /// <summary>What the middleware built for this request, as JSON.</summary>
    [HttpGet("/probe")]
    public IActionResult ProbePage() => Content(Probe(), "application/json");

    /// <summary>Whether anything on the way here (the package's middleware and filters) made the request a principal.</summary>
    [HttpGet("/probe/principal")]
    public IActionResult PrincipalProbe()
    {
        _ = accessor.VisitorContext; // the visitor context is built, as for a page that decides placements
        var made = HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.Authentication.IHttpAuthenticationFeature>()?.User is not null;
        return Content(made ? "principal" : "none", "text/plain");
    }

    private string Probe()
    {
        var context = accessor.VisitorContext;
        return JsonSerializer.Serialize(context is null ? null : new ProbeResult(
            context.Consent.Granted.ToString(),
            context.Consent.GlobalPrivacyControl,
            context.IsIdentified,
            context.Profile.VisitorId,
            context.Request.Device.ToString(),
            context.Request.Language,
            context.Request.Country,
            context.Request.Utm.Campaign,
            context.Request.Timestamp.Offset.TotalMinutes,
            context.PreviewSegment));
    }
}

public sealed record ProbeResult(
    string Granted,
    bool Gpc,
    bool Identified,
    string VisitorId,
    string Device,
    string? Language,
    string? Country,
    string? Campaign,
    double OffsetMinutes,
    string? Preview);
