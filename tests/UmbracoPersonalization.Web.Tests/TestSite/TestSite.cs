using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Umbraco.Cms.Core.Models.PublishedContent;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Umbraco.Cms.Core.Composing;
using Umbraco.Cms.Core.Configuration.Models;
using Umbraco.Cms.Core.DependencyInjection;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Web.Definitions;
using UmbracoPersonalization.Web.DependencyInjection;

namespace UmbracoPersonalization.Web.Tests.TestSite;

/// <summary>Every service descriptor of the composed host (for registration tests).</summary>
public sealed record RegisteredServices(IReadOnlyList<ServiceDescriptor> Descriptors);

/// <summary>
/// A small real host: ASP.NET Core + MVC over the test server, composed through Umbraco.Cms.Core's real
/// <see cref="UmbracoBuilder"/> (composers discovered by Umbraco's type loader), content root in a temp folder.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    public const string BrowserUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

    private readonly WebApplication _app;

    private readonly bool _keepContentRoot;

    private TestSite(WebApplication app, string contentRoot, bool keepContentRoot)
    {
        _app = app;
        ContentRoot = contentRoot;
        _keepContentRoot = keepContentRoot;
    }

    public string ContentRoot { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestSite> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string environment = "Development",
        string? contentRoot = null,
        bool keepContentRoot = false,
        Action<WebApplication>? pipeline = null,
        bool seed = true)
    {
        var app = Build(settings, services, environment, contentRoot ?? CreateTempFolder(), pipeline);
        await app.StartAsync();
        if (!seed)
        {
            return new TestSite(app, app.Environment.ContentRootPath, keepContentRoot);
        }

        await TestDefinitions.SeedAsync(app.Services.GetRequiredService<IDefinitionStore>());
        await app.Services.GetRequiredService<IDefinitionRefresher>().RefreshAsync();
        return new TestSite(app, app.Environment.ContentRootPath, keepContentRoot);
    }

    /// <summary>Builds the host without starting it (for start-up validation tests).</summary>
    public static WebApplication Build(
        IDictionary<string, string?>? settings,
        Action<IServiceCollection>? services,
        string environment,
        string contentRoot,
        Action<WebApplication>? pipeline = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = contentRoot,
            ApplicationName = typeof(TestSite).Assembly.GetName().Name,
        });
        builder.WebHost.UseTestServer();

        // Umbraco.Cms.Core alone registers services whose infrastructure (database, scopes) lives in packages we
        // cannot install, so the container cannot be validated as a whole; scopes still are.
        builder.Host.UseServiceProviderFactory(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));
        builder.Logging.ClearProviders();
        // A cold first Liquid render on a busy machine can exceed the production default (100 ms) and fall back;
        // tests that are not about the timeout must not depend on machine load.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Umbraco:Personalization:Liquid:RenderTimeout"] = "00:00:30" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddControllersWithViews();
        TestDoubles.Register(builder.Services);
        services?.Invoke(builder.Services);

        ComposeUmbraco(builder.Services, builder.Configuration);
        builder.Services.AddSingleton(new RegisteredServices(builder.Services.ToArray()));

        var app = builder.Build();
        app.Use(UmbracoLikeSegmentHeader);
        pipeline?.Invoke(app);
        app.UseRouting();
        app.MapControllers();
        return app;
    }

    public HttpClient CreateClient(bool https = false)
    {
        var client = _app.GetTestServer().CreateClient();
        client.BaseAddress = new Uri(https ? "https://localhost/" : "http://localhost/");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserUserAgent);
        return client;
    }

    /// <summary>A client that keeps cookies between requests, like a browser.</summary>
    public CookieClient CreateCookieClient(bool https = false) => new(_app.GetTestServer(), https);

    public T GetRequiredService<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_keepContentRoot)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static string CreateTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "up-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Does what Umbraco does with a client's segment header: sets the request's variation context from
    /// <c>X-UMB-SEGMENT</c> (here, like in Umbraco, after the package's first pipeline steps).
    /// </summary>
    private static Task UmbracoLikeSegmentHeader(HttpContext context, RequestDelegate next)
    {
        var accessor = context.RequestServices.GetRequiredService<IVariationContextAccessor>();
        var header = context.Request.Headers["X-UMB-SEGMENT"].ToString();
        accessor.VariationContext = new VariationContext(null, header.Length > 0 ? header : null);
        return next(context);
    }

    private static void ComposeUmbraco(IServiceCollection services, IConfiguration configuration)
    {
        var loggerFactory = NullLoggerFactory.Instance;
        var assemblyProvider = new DefaultUmbracoAssemblyProvider(
            typeof(TestSite).Assembly,
            loggerFactory,
            [typeof(PersonalizationComposer).Assembly.GetName().Name!]);
        var typeFinder = new TypeFinder(
            loggerFactory.CreateLogger<TypeFinder>(),
            assemblyProvider,
            null,
            new TypeFinderConfig(Options.Create(new TypeFinderSettings())));
        var typeLoader = new TypeLoader(typeFinder, loggerFactory.CreateLogger<TypeLoader>(), typeFinder.AssembliesToScan);
        var umbraco = new UmbracoBuilder(services, configuration, typeLoader);
        umbraco.AddComposers();
        umbraco.Build();
    }
}
