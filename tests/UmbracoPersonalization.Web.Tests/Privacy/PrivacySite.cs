using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UmbracoPersonalization.Web.Tests.TestSite;

namespace UmbracoPersonalization.Web.Tests.Privacy;

/// <summary>
/// A test site with test authentication, on SQLite (the temp content root) or on a fresh PostgreSQL database on the
/// server in <c>UP_TEST_POSTGRES</c> (skipped, with the reason, when it is unset).
/// </summary>
public sealed class PrivacySite : IAsyncDisposable
{
    private readonly string? _admin;
    private readonly string? _database;

    private PrivacySite(TestSite.TestSite site, string? admin, string? database)
    {
        Site = site;
        _admin = admin;
        _database = database;
    }

    public static TheoryData<string> Providers => new() { "Sqlite", "PostgreSql" };

    public TestSite.TestSite Site { get; }

    public static async Task<PrivacySite> StartAsync(string provider, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Umbraco:Personalization:Persistence:MaxBatchDelay"] = "00:00:00.010",
        };
        string? admin = null, database = null;
        if (provider == "PostgreSql")
        {
            admin = Environment.GetEnvironmentVariable("UP_TEST_POSTGRES");
            Skip.If(string.IsNullOrWhiteSpace(admin), "UP_TEST_POSTGRES is not set: no PostgreSQL server to test against.");
            database = "up_web_test_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            all["Umbraco:Personalization:Persistence:Provider"] = "PostgreSql";
            all["Umbraco:Personalization:Persistence:ConnectionString"] = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString();
        }

        var site = await TestSite.TestSite.StartAsync(all, s =>
        {
            TestAuthenticationHandler.Register(s);
            services?.Invoke(s);
        });
        return new PrivacySite(site, admin, database);
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
